package io.muse4j.core.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects the parts of a {@link NoteSequence}; {@link #build()} validates and sorts them. */
public final class NoteSequenceBuilder {
    private int resolution;
    private final List<Note> notes = new ArrayList<>();
    private final List<TempoChange> tempos = new ArrayList<>();
    private final List<TimeSignature> timeSignatures = new ArrayList<>();
    private final List<KeySignature> keySignatures = new ArrayList<>();
    private final List<ControlChange> controlChanges = new ArrayList<>();
    private final List<ChordChange> chords = new ArrayList<>();
    private final List<String> trackNames = new ArrayList<>();
    private final Map<String, String> tags = new HashMap<>();

    NoteSequenceBuilder(int resolution) {
        this.resolution = resolution;
    }

    NoteSequenceBuilder(NoteSequence seq) {
        this(seq.resolution());
        notes.addAll(seq.notes());
        tempos.addAll(seq.tempos());
        timeSignatures.addAll(seq.timeSignatures());
        keySignatures.addAll(seq.keySignatures());
        controlChanges.addAll(seq.controlChanges());
        chords.addAll(seq.chords());
        trackNames.addAll(seq.metadata().trackNames());
        tags.putAll(seq.metadata().tags());
    }

    public NoteSequenceBuilder resolution(int ticksPerQuarter) {
        this.resolution = ticksPerQuarter;
        return this;
    }

    public NoteSequenceBuilder note(Note note) {
        notes.add(note);
        return this;
    }

    /** Adds a piano note on channel 0, track 0. */
    public NoteSequenceBuilder note(int pitch, int velocity, long startTick, long durationTicks) {
        return note(Note.of(pitch, velocity, startTick, durationTicks));
    }

    public NoteSequenceBuilder notes(List<Note> more) {
        notes.addAll(more);
        return this;
    }

    public NoteSequenceBuilder clearNotes() {
        notes.clear();
        return this;
    }

    public NoteSequenceBuilder tempo(TempoChange tempo) {
        tempos.add(tempo);
        return this;
    }

    /** Adds a tempo change in quarter notes per minute. */
    public NoteSequenceBuilder tempoBpm(long tick, double bpm) {
        return tempo(TempoChange.ofBpm(tick, bpm));
    }

    public NoteSequenceBuilder clearTempos() {
        tempos.clear();
        return this;
    }

    public NoteSequenceBuilder timeSignature(long tick, int numerator, int denominator) {
        timeSignatures.add(new TimeSignature(tick, numerator, denominator));
        return this;
    }

    public NoteSequenceBuilder clearTimeSignatures() {
        timeSignatures.clear();
        return this;
    }

    public NoteSequenceBuilder keySignature(long tick, int sharps, boolean minor) {
        keySignatures.add(new KeySignature(tick, sharps, minor));
        return this;
    }

    public NoteSequenceBuilder clearKeySignatures() {
        keySignatures.clear();
        return this;
    }

    public NoteSequenceBuilder controlChange(ControlChange change) {
        controlChanges.add(change);
        return this;
    }

    /** Presses (value 127) or releases (value 0) the sustain pedal on a channel of track 0. */
    public NoteSequenceBuilder sustain(long tick, boolean down, int channel) {
        return controlChange(new ControlChange(tick, ControlChange.SUSTAIN, down ? 127 : 0, channel, 0));
    }

    public NoteSequenceBuilder clearControlChanges() {
        controlChanges.clear();
        return this;
    }

    /** Adds a chord symbol, kept as written, from {@code tick}. */
    public NoteSequenceBuilder chord(long tick, String symbol) {
        chords.add(new ChordChange(tick, symbol));
        return this;
    }

    public NoteSequenceBuilder clearChords() {
        chords.clear();
        return this;
    }

    /** Names a track, growing the list of names with empty ones as needed. */
    public NoteSequenceBuilder trackName(int track, String name) {
        while (trackNames.size() <= track) {
            trackNames.add("");
        }
        trackNames.set(track, name);
        return this;
    }

    public NoteSequenceBuilder clearTrackNames() {
        trackNames.clear();
        return this;
    }

    public NoteSequenceBuilder tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    /** Validates and returns the sequence; fails naming the first bad value. */
    public NoteSequence build() {
        return new NoteSequence(resolution, notes, tempos, timeSignatures, keySignatures, controlChanges,
                new Metadata(trackNames, tags), chords);
    }
}
