package io.muse4j.midi;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;
import jm.music.data.Part;
import jm.music.data.Phrase;
import jm.music.data.Score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts between {@link NoteSequence} and jMusic's {@code jm.music.data.Score}.
 *
 * <p>jMusic measures time in beats (quarter notes) as doubles, holds one tempo, meter and key per score, and
 * exits the JVM on some bad values, so every value is checked here before jMusic sees it, and calls are
 * serialised (jMusic has static state). A score made by {@link #toScore} holds one part per (track, channel,
 * program), in that order, named after its track, and one phrase per voice: notes that do not overlap share a phrase, with
 * rests between them. Coming back ({@link #fromScore}), part {@code i} becomes track {@code i}; what jMusic cannot
 * hold is lost: tempo, meter and key changes after the first, control changes, and track names beyond the parts;
 * a score always comes back with a meter and a key at tick 0 (jMusic's defaults are 4/4 and C major).
 */
public final class JMusicAdapter {
    private static final Object JMUSIC = new Object();
    private static final Comparator<List<Integer>> PART_ORDER = Comparator.<List<Integer>>comparingInt(k -> k.get(0))
            .thenComparingInt(k -> k.get(1)).thenComparingInt(k -> k.get(2));

    private JMusicAdapter() {
    }

    /** The sequence as a jMusic score. */
    public static Score toScore(NoteSequence seq) {
        Map<List<Integer>, List<Note>> parts = new TreeMap<>(PART_ORDER);
        for (Note note : seq.notes()) {
            parts.computeIfAbsent(List.of(note.track(), note.channel(), note.program()), k -> new ArrayList<>())
                    .add(note);
        }
        double resolution = seq.resolution();
        synchronized (JMUSIC) {
            Score score = new Score(seq.tempos().isEmpty() ? 120.0 : seq.tempos().get(0).bpm());
            TimeSignature meter = seq.initialTimeSignature();
            score.setNumerator(meter.numerator());
            score.setDenominator(meter.denominator());
            if (!seq.keySignatures().isEmpty()) {
                score.setKeySignature(seq.keySignatures().get(0).sharps());
                score.setKeyQuality(seq.keySignatures().get(0).minor() ? 1 : 0);
            }
            for (Map.Entry<List<Integer>, List<Note>> entry : parts.entrySet()) {
                List<Integer> key = entry.getKey();
                Part part = new Part(seq.metadata().trackName(key.get(0)), key.get(2), key.get(1));
                for (List<Note> voice : voices(entry.getValue())) {
                    part.addPhrase(phrase(voice, resolution));
                }
                score.addPart(part);
            }
            return score;
        }
    }

    /** Splits notes (in onset order) into voices whose notes do not overlap, first fit. */
    private static List<List<Note>> voices(List<Note> notes) {
        List<List<Note>> voices = new ArrayList<>();
        for (Note note : notes) {
            List<Note> free = null;
            for (List<Note> voice : voices) {
                if (voice.get(voice.size() - 1).endTick() <= note.startTick()) {
                    free = voice;
                    break;
                }
            }
            if (free == null) {
                free = new ArrayList<>();
                voices.add(free);
            }
            free.add(note);
        }
        return voices;
    }

    private static Phrase phrase(List<Note> voice, double resolution) {
        Phrase phrase = new Phrase(voice.get(0).startTick() / resolution);
        long time = voice.get(0).startTick();
        for (Note note : voice) {
            if (note.startTick() > time) {
                phrase.addNote(new jm.music.data.Note(jm.music.data.Note.REST, (note.startTick() - time) / resolution));
            }
            jm.music.data.Note jm = new jm.music.data.Note(note.pitch(), note.durationTicks() / resolution,
                    note.velocity());
            jm.setDuration(note.durationTicks() / resolution);
            phrase.addNote(jm);
            time = note.endTick();
        }
        return phrase;
    }

    private static void check(boolean valid, double beat, String what, String allowed) {
        if (!valid) {
            throw new IllegalArgumentException("jMusic note at beat " + beat + " has " + what + "; it must be " + allowed);
        }
    }

    /** A jMusic score as a sequence at {@code resolution} ticks per quarter; fails naming any value out of range. */
    public static NoteSequence fromScore(Score score, int resolution) {
        Check.range("resolution", resolution, 1, 32767);
        synchronized (JMUSIC) {
            NoteSequenceBuilder b = NoteSequence.builder(resolution);
            Check.positive("jMusic tempo", score.getTempo());
            b.tempo(TempoChange.ofBpm(0, score.getTempo()));
            b.timeSignature(0, score.getNumerator(), score.getDenominator());
            b.keySignature(0, score.getKeySignature(), score.getKeyQuality() == 1);
            Part[] parts = score.getPartArray();
            for (int track = 0; track < parts.length; track++) {
                Part part = parts[track];
                Check.range("jMusic channel of part " + track, part.getChannel(), 0, 15);
                Check.range("jMusic instrument of part " + track, part.getInstrument(), 0, 127);
                if (part.getTitle() != null && !part.getTitle().isEmpty() && !part.getTitle().equals("Untitled Part")) {
                    b.trackName(track, part.getTitle());
                }
                for (Phrase phrase : part.getPhraseArray()) {
                    addPhrase(b, phrase, part, track, resolution);
                }
            }
            return b.build();
        }
    }

    private static void addPhrase(NoteSequenceBuilder b, Phrase phrase, Part part, int track, int resolution) {
        double beat = phrase.getStartTime();
        if (!(beat >= 0) || Double.isInfinite(beat)) {
            throw new IllegalArgumentException("jMusic phrase start " + beat + " must be a finite beat, at least 0");
        }
        for (jm.music.data.Note jm : phrase.getNoteArray()) {
            double rhythm = jm.getRhythmValue();
            if (!(rhythm >= 0) || Double.isInfinite(rhythm)) {
                throw new IllegalArgumentException("jMusic rhythm value " + rhythm + " at beat " + beat
                        + " must be a finite number of beats, at least 0");
            }
            if (!jm.isRest()) {
                check(jm.getPitch() >= 0 && jm.getPitch() <= 127, beat, "pitch " + jm.getPitch(), "0..127");
                check(jm.getDynamic() >= 1 && jm.getDynamic() <= 127, beat, "dynamic " + jm.getDynamic(), "1..127");
                check(jm.getDuration() > 0 && !Double.isInfinite(jm.getDuration()), beat,
                        "duration " + jm.getDuration(), "a finite number of beats above 0");
                long start = Math.round(beat * resolution);
                long length = Math.max(1, Math.round((beat + jm.getDuration()) * resolution) - start);
                b.note(new Note(jm.getPitch(), jm.getDynamic(), start, length, part.getInstrument(),
                        part.getChannel(), part.getChannel() == 9, track));
            }
            beat += rhythm;
        }
    }
}
