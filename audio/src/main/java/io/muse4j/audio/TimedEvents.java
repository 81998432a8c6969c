package io.muse4j.audio;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoMap;
import io.muse4j.midi.MidiWriter;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The channel messages of a score in playing order, each with its time in microseconds from the tempo map. They are
 * the very events {@link MidiWriter} writes (program changes, control changes such as the pedal, note-ons with
 * their velocity, note-offs), so a render sounds like the saved file played back.
 */
final class TimedEvents {
    static final int DRUM_CHANNEL = 9;

    /** One message and when it sounds. */
    record Timed(long micros, ShortMessage message) {
        /** At one instant: note-offs, then programs and controllers, then note-ons; else the writer's order. */
        static final Comparator<Timed> ORDER = Comparator.comparingLong(Timed::micros).thenComparingInt(Timed::rank);

        private int rank() {
            return switch (message.getCommand()) {
                case ShortMessage.NOTE_OFF -> 0;
                case ShortMessage.NOTE_ON -> 2;
                default -> 1;
            };
        }
    }

    private TimedEvents() {
    }

    /** The messages of {@code seq}, drums moved to channel 10 where a score built in code put them elsewhere. */
    static List<Timed> of(NoteSequence seq) throws IOException {
        NoteSequence playable = drumsOnDrumChannel(seq);
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(MidiWriter.toBytes(playable)));
        } catch (InvalidMidiDataException e) {
            throw new IOException("javax.sound.midi cannot read what MidiWriter wrote: " + e.getMessage(), e);
        }
        TempoMap tempo = seq.tempoMap();
        List<Timed> events = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof ShortMessage message) {
                    events.add(new Timed(tempo.microTicks(event.getTick()) / seq.resolution(), message));
                }
            }
        }
        events.sort(Timed.ORDER); // a stable sort: the writer's order holds within a rank
        return events;
    }

    /** The programs of melodic notes, or of drum notes (drum kits). */
    static Set<Integer> programs(NoteSequence seq, boolean drums) {
        Set<Integer> programs = new TreeSet<>();
        for (Note note : seq.notes()) {
            if (note.drum() == drums) {
                programs.add(note.program());
            }
        }
        return programs;
    }

    private static NoteSequence drumsOnDrumChannel(NoteSequence seq) {
        List<Note> notes = new ArrayList<>(seq.notes().size());
        boolean moved = false;
        for (Note n : seq.notes()) {
            boolean move = n.drum() && n.channel() != DRUM_CHANNEL;
            notes.add(move ? new Note(n.pitch(), n.velocity(), n.startTick(), n.durationTicks(), n.program(),
                    DRUM_CHANNEL, true, n.track()) : n);
            moved |= move;
        }
        return moved ? seq.withNotes(notes) : seq;
    }
}
