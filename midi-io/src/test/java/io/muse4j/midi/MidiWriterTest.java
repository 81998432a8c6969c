package io.muse4j.midi;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MidiWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesTheExpectedBytes() {
        NoteSequence seq = NoteSequence.builder(96).tempoBpm(0, 120).note(60, 100, 0, 96).note(60, 90, 96, 48).build();
        assertArrayEquals(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 1, 0, 96,
                'M', 'T', 'r', 'k', 0, 0, 0, 27,
                0, (byte) 0xFF, 0x51, 3, 0x07, (byte) 0xA1, 0x20,
                0, (byte) 0x90, 60, 100,
                0x60, (byte) 0x80, 60, 64, 0, (byte) 0x90, 60, 90,
                0x30, (byte) 0x80, 60, 64,
                0, (byte) 0xFF, 0x2F, 0}, MidiWriter.toBytes(seq));
    }

    @Test
    void syntheticScoresComeBackEqualWhenBuiltAsTheReaderWouldReadThem() throws Exception {
        for (long seed = 0; seed < 100; seed++) {
            NoteSequence once = MidiReader.read(MidiWriter.toBytes(SyntheticScores.polyphonic(seed, 150)), "s").sequence();
            assertEquals(once, MidiReader.read(MidiWriter.toBytes(once), "s").sequence(), "seed " + seed);
        }
    }

    @Test
    void everythingTheModelHoldsSurvivesAFile() throws Exception {
        NoteSequence seq = NoteSequence.builder(384).tempoBpm(0, 97).tempoBpm(3000, 140).timeSignature(0, 7, 8)
                .keySignature(0, -3, true).keySignature(5000, 4, false).sustain(10, true, 2).sustain(900, false, 2)
                .note(new Note(36, 127, 0, 20, 0, 9, true, 2)).note(new Note(50, 1, 5, 7000, 33, 2, false, 1))
                .note(new Note(127, 64, 1, 1, 127, 15, false, 3)).note(Note.of(0, 10, 400, 400))
                .trackName(0, "Tempo").trackName(1, "Bass \u00e9\u266f").build();
        Path file = dir.resolve("all.mid");
        MidiWriter.write(seq, file);
        NoteSequence back = MidiReader.read(file).sequence();
        assertEquals(seq, back);
        assertEquals(4, MidiReader.read(file).trackCount());
    }

    @Test
    void aGapTooLongForMidiIsNamed() {
        NoteSequence seq = NoteSequence.builder(96).note(60, 100, 0x10000000L, 1).build();
        assertEquals("time gap of 268435456 ticks is longer than a MIDI file can hold (268435455)",
                assertThrows(IllegalArgumentException.class, () -> MidiWriter.toBytes(seq)).getMessage());
    }

    @Test
    void writingReplacesAtomically() throws Exception {
        Path file = dir.resolve("out.mid");
        Files.writeString(file, "old");
        MidiWriter.write(SyntheticScores.melody(1, 10, 60, 72, 4), file);
        assertEquals(10, MidiReader.read(file).sequence().notes().size());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
