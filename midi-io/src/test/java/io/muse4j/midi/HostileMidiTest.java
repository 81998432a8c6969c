package io.muse4j.midi;

import io.muse4j.core.io.InputFileException;
import io.muse4j.core.testing.HostileFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Semantic fuzzing: files that are valid MIDI but built to exhaust the reader, and inputs that are not files.
 * Each must give one typed exception naming the file, fast, and never an OutOfMemoryError: Surefire runs this
 * class in a JVM of its own with {@code -Xmx512m} (see midi-io's pom).
 */
@Tag("slow") // files at the million-event caps: ~4 s
class HostileMidiTest {
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void millionsOfUnreleasedNotesAreRefusedAtTheCap() throws Exception {
        // 60 MB of note-ons, 20 million, none released: the file of issue 22, read through its path
        Path file = Files.write(dir.resolve("unreleased.mid"), HostileMidi.unreleasedNotes(20_000_000));
        assertRefused(file, "more than 1,000,000 notes, the most a file may hold here");
        assertRefused(HostileMidi.unreleasedNotes(MidiReader.MAX_NOTES + 1), "more than 1,000,000 notes");
    }

    @Test
    void aFileAtTheNoteCapReads() {
        MidiFile midi = assertTimeoutPreemptively(QUICK,
                () -> MidiReader.read(HostileMidi.releasedNotes(MidiReader.MAX_NOTES), "cap.mid"));
        assertEquals(MidiReader.MAX_NOTES, midi.sequence().notes().size());
    }

    @Test
    void millionsOfTemposOrControllersAreRefusedAtTheCap() {
        String why = "more than 1,000,000 control changes, tempos, time and key signatures";
        assertRefused(HostileMidi.tempos(9_000_000), why);
        assertRefused(HostileMidi.controllers(MidiReader.MAX_EVENTS + 1), why);
        assertTimeoutPreemptively(QUICK, () -> MidiReader.read(HostileMidi.tempos(MidiReader.MAX_EVENTS), "t.mid"));
    }

    @Test
    void theMostTracksAHeaderCanAnnounceRead() {
        MidiFile midi = assertTimeoutPreemptively(QUICK, () -> MidiReader.read(HostileMidi.manyTracks(65_535), "t"));
        assertEquals(65_535, midi.trackCount());
        assertEquals(65_535, midi.sequence().notes().size());
    }

    @Test
    void timesNearTheLargestDeltaAreRefusedAsTooLong() {
        assertRefused(HostileMidi.hugeTimes(100_000), "longer than the 24 hours a score may last here");
    }

    @Test
    void devicesFifosAndFoldersAreRefusedNamingThem() throws Exception {
        HostileFiles.assertRefused(dir, "x.mid", true, MidiReader::read);
    }

    @Test
    void aFileOverTheSizeCapIsRefusedUnread() throws Exception {
        Path file = dir.resolve("huge.mid");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(MidiReader.MAX_FILE_BYTES + 1);
        }
        InputFileException e = assertThrows(InputFileException.class, () -> MidiReader.read(file));
        assertEquals(file + ": 67,108,865 bytes, more than the 64 MiB (67,108,864 bytes) this reader takes",
                e.getMessage());
    }

    private static void assertRefused(byte[] bytes, String why) {
        assertRefused(() -> MidiReader.read(bytes, "hostile.mid"), "hostile.mid", why);
    }

    private static void assertRefused(Path file, String why) {
        assertRefused(() -> MidiReader.read(file), file.toString(), why);
    }

    private interface Read {
        MidiFile read() throws Exception;
    }

    private static void assertRefused(Read read, String name, String why) {
        MidiFormatException e = assertTimeoutPreemptively(QUICK,
                () -> assertThrows(MidiFormatException.class, read::read));
        assertTrue(e.getMessage().startsWith(name + ": byte "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
