package io.muse4j.midi;

import io.muse4j.core.io.AtomicFiles;
import io.muse4j.core.score.ControlChange;
import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a {@link NoteSequence} as a type-1 Standard MIDI File that {@link MidiReader} reads back equal.
 *
 * <p>Track 0 holds the tempo, time and key signatures; each note and control change goes to its own track, on
 * its own channel. A program change precedes a note-on whenever the note's program differs from the one in force
 * on its channel in its track (0 at first). At one tick, note-offs come before note-ons, so that a note ending
 * where the same pitch starts again is read back as two notes.
 *
 * <p>One case cannot read back equal, in any MIDI file: two notes of one pitch on one channel of one track that
 * overlap with the later ending first. The note-offs say only the pitch, and the reader ends the earliest note
 * (first in, first out), so the two come back with their ends swapped. No tokenizer decodes such notes, and
 * {@link io.muse4j.core.transform.Voices#cutAtRestrikes} removes them from any score.
 */
public final class MidiWriter {
    private MidiWriter() {
    }

    /** Writes the file atomically: a reader sees the old file or the whole new one. */
    public static void write(NoteSequence seq, Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = toBytes(seq);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(file, bytes);
    }

    /** The bytes of the file. */
    public static byte[] toBytes(NoteSequence seq) {
        int tracks = trackCount(seq);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1});
        writeShort(out, tracks);
        writeShort(out, seq.resolution());
        for (int track = 0; track < tracks; track++) {
            byte[] body = track(seq, track);
            out.writeBytes(new byte[] {'M', 'T', 'r', 'k'});
            writeInt(out, body.length);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static int trackCount(NoteSequence seq) {
        int count = Math.max(1, seq.metadata().trackNames().size());
        for (Note note : seq.notes()) {
            count = Math.max(count, note.track() + 1);
        }
        for (ControlChange c : seq.controlChanges()) {
            count = Math.max(count, c.track() + 1);
        }
        return count;
    }

    /** One event: its tick, its rank among events of that tick, and its bytes. */
    private record Event(long tick, int rank, int sequence, byte[] bytes) {
        static final Comparator<Event> ORDER = Comparator.comparingLong(Event::tick).thenComparingInt(Event::rank)
                .thenComparingInt(Event::sequence);
    }

    private static byte[] track(NoteSequence seq, int track) {
        List<Event> events = new ArrayList<>();
        String name = seq.metadata().trackName(track);
        if (!name.isEmpty()) {
            events.add(meta(0, 0x03, name.getBytes(StandardCharsets.UTF_8), events.size()));
        }
        if (track == 0) {
            addSignatures(seq, events);
        }
        for (ControlChange c : seq.controlChanges()) {
            if (c.track() == track) {
                events.add(new Event(c.tick(), 1, events.size(),
                        new byte[] {(byte) (0xB0 | c.channel()), (byte) c.controller(), (byte) c.value()}));
            }
        }
        addNotes(seq, track, events);
        events.sort(Event.ORDER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long tick = 0;
        for (Event e : events) {
            writeVarLen(out, e.tick() - tick);
            out.writeBytes(e.bytes());
            tick = e.tick();
        }
        writeVarLen(out, 0);
        out.writeBytes(new byte[] {(byte) 0xFF, 0x2F, 0});
        return out.toByteArray();
    }

    private static void addSignatures(NoteSequence seq, List<Event> events) {
        for (TempoChange t : seq.tempos()) {
            int m = t.microsPerQuarter();
            events.add(meta(t.tick(), 0x51, new byte[] {(byte) (m >> 16), (byte) (m >> 8), (byte) m}, events.size()));
        }
        for (TimeSignature t : seq.timeSignatures()) {
            byte power = (byte) Integer.numberOfTrailingZeros(t.denominator());
            events.add(meta(t.tick(), 0x58, new byte[] {(byte) t.numerator(), power, 24, 8}, events.size()));
        }
        for (KeySignature k : seq.keySignatures()) {
            events.add(meta(k.tick(), 0x59, new byte[] {(byte) k.sharps(), (byte) (k.minor() ? 1 : 0)}, events.size()));
        }
    }

    private static void addNotes(NoteSequence seq, int track, List<Event> events) {
        int[] program = new int[16];
        for (Note n : seq.notes()) { // in Note.ORDER, so note-ons of one tick keep that order
            if (n.track() != track) {
                continue;
            }
            if (n.program() != program[n.channel()]) {
                program[n.channel()] = n.program();
                events.add(new Event(n.startTick(), 3, events.size(),
                        new byte[] {(byte) (0xC0 | n.channel()), (byte) n.program()}));
            }
            events.add(new Event(n.startTick(), 3, events.size(),
                    new byte[] {(byte) (0x90 | n.channel()), (byte) n.pitch(), (byte) n.velocity()}));
            events.add(new Event(n.endTick(), 2, events.size(),
                    new byte[] {(byte) (0x80 | n.channel()), (byte) n.pitch(), 64}));
        }
    }

    private static Event meta(long tick, int type, byte[] data, int sequence) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(type);
        writeVarLen(out, data.length);
        out.writeBytes(data);
        return new Event(tick, 0, sequence, out.toByteArray());
    }

    private static void writeVarLen(ByteArrayOutputStream out, long value) {
        if (value > 0x0FFFFFFFL) {
            throw new IllegalArgumentException("time gap of " + value + " ticks is longer than a MIDI file can hold "
                    + "(" + 0x0FFFFFFF + ")");
        }
        int shift = 21;
        while (shift > 0 && (value >> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            out.write((int) (0x80 | ((value >> shift) & 0x7F)));
        }
        out.write((int) (value & 0x7F));
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        writeShort(out, value >>> 16);
        writeShort(out, value & 0xFFFF);
    }
}
