package io.muse4j.midi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each broken file, named for what it tests, gives one MidiFormatException with the offset and the reason. */
class BrokenMidiTest {
    private static final int[] NOTE = {0x00, 0x90, 60, 90, 0x10, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00};

    private static String error(byte[] bytes) {
        return assertThrows(MidiFormatException.class, () -> MidiReader.read(bytes, "broken.mid")).getMessage();
    }

    private static String error(Smf smf) {
        return error(smf.bytes());
    }

    @Test
    void emptyGarbageAndTruncated() {
        assertEquals("broken.mid: byte 0: empty file", error(new byte[0]));
        assertEquals("broken.mid: byte 0: not a MIDI file: it does not start with 'MThd'",
                error("<html>hello</html>".getBytes()));
        byte[] whole = Smf.header(0, 1, 96).track(NOTE).bytes();
        assertEquals("broken.mid: byte 4: header length needs 4 bytes but 2 remain in the file",
                error(Arrays.copyOf(whole, 6)));
        assertEquals("broken.mid: byte 14: the header announces 1 tracks but the file ends after 0",
                error(Arrays.copyOf(whole, 14)));
        assertEquals("broken.mid: byte 18: chunk length 12 runs past the end of the file (7 bytes left)",
                error(Arrays.copyOf(whole, 29)));
    }

    @Test
    void headerLengthsAndCounts() {
        assertEquals("broken.mid: byte 4: header length 4 is not between 6 and the 26 bytes left",
                error(withByte(Smf.header(0, 1, 96).track(NOTE).bytes(), 7, 4)));
        assertEquals("broken.mid: byte 10: the header announces zero tracks", error(Smf.header(0, 0, 96)));
        assertEquals("broken.mid: byte 12: 0 ticks per quarter note", error(Smf.header(0, 1, 0).track(NOTE)));
        assertEquals("broken.mid: byte 8: format 2 (independent sequences) is not supported; only formats 0 and 1 are",
                error(Smf.header(2, 1, 96).track(NOTE)));
        assertEquals("broken.mid: byte 34: the header announces 2 tracks but the file ends after 1",
                error(Smf.header(1, 2, 96).track(NOTE)));
    }

    @Test
    void chunkLengthLargerThanTheFile() {
        byte[] bytes = Smf.header(0, 1, 96).track(NOTE).bytes();
        bytes[18] = (byte) 0xFF;
        bytes[19] = (byte) 0xFF;
        bytes[20] = (byte) 0xFF;
        bytes[21] = (byte) 0xFF;
        assertEquals("broken.mid: byte 18: chunk length 4294967295 runs past the end of the file (12 bytes left)",
                error(bytes));
    }

    @Test
    void eventsThatBreakTheTrack() {
        assertEquals("broken.mid: byte 22: delta time is a variable-length number longer than 4 bytes",
                error(Smf.header(0, 1, 96).track(0x81, 0x81, 0x81, 0x81, 0x01, 0x90, 60, 90)));
        assertEquals("broken.mid: byte 23: data byte 0x3C with no running status to continue",
                error(Smf.header(0, 1, 96).track(0x00, 60, 90)));
        assertEquals("broken.mid: byte 25: event data needs 1 bytes but 0 remain in the track chunk",
                error(Smf.header(0, 1, 96).track(0x00, 0x90, 60)));
        assertEquals("broken.mid: byte 24: data byte 0x91 of the event at byte 23 is above 0x7F",
                error(Smf.header(0, 1, 96).track(0x00, 0x90, 0x91, 90)));
        assertEquals("broken.mid: byte 23: status byte 0xF2 is not allowed in a MIDI file",
                error(Smf.header(0, 1, 96).track(0x00, 0xF2, 1, 2)));
        assertEquals("broken.mid: byte 27: meta event data needs 200 bytes but 1 remain in the track chunk",
                error(Smf.header(0, 1, 96).track(0x00, 0xFF, 0x03, 0x81, 0x48, 'x')));
    }

    @Test
    void absurdValues() {
        assertEquals("broken.mid: byte 23: tempo of 0 microseconds per quarter note is absurd (faster than "
                + "10,000 quarters per minute)", error(Smf.header(0, 1, 96).track(0x00, 0xFF, 0x51, 3, 0, 0, 0)));
        assertEquals("broken.mid: byte 23: tempo of 5999 microseconds per quarter note is absurd (faster than "
                + "10,000 quarters per minute)", error(Smf.header(0, 1, 96).track(0x00, 0xFF, 0x51, 3, 0, 0x17, 0x6F)));
        assertEquals("broken.mid: byte 23: time signature 4/2^7 is not a meter (numerator 1..255, denominator 1..64)",
                error(Smf.header(0, 1, 96).track(0x00, 0xFF, 0x58, 4, 4, 7, 24, 8)));
        assertEquals("broken.mid: byte 23: key signature of 8 sharps, mode 0 is not a key (-7..7 sharps, mode 0 or 1)",
                error(Smf.header(0, 1, 96).track(0x00, 0xFF, 0x59, 2, 8, 0)));
        assertEquals("broken.mid: byte 8: the notes last 229 hours, longer than the 24 hours a score may last here",
                error(Smf.header(0, 1, 1).track(0x00, 0xFF, 0x51, 3, 0xFF, 0xFF, 0xFF, 0x00, 0x90, 60, 90,
                        0x83, 0x80, 0x00, 0x80, 60, 0)));
    }

    @Test
    void readingAFileNamesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("short.mid");
        Files.write(file, new byte[] {'M', 'T', 'h', 'd', 0, 0});
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> MidiReader.read(file));
        assertEquals(file + ": byte 4: header length needs 4 bytes but 2 remain in the file", e.getMessage());
        assertEquals(4, e.offset());
    }

    private static byte[] withByte(byte[] bytes, int index, int value) {
        bytes[index] = (byte) value;
        return bytes;
    }
}
