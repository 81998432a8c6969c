package io.muse4j.midi;

import java.io.ByteArrayOutputStream;

/**
 * Structurally valid MIDI files built to exhaust a reader: millions of notes never released, millions of tempo
 * changes or controllers, tens of thousands of tracks, times near the largest a delta can hold. Each is one
 * type-1 file at 480 ticks a quarter whose every byte follows the format.
 */
final class HostileMidi {
    private HostileMidi() {
    }

    /** {@code count} note-ons (running status, one tick apart) of cycling pitches on channel 0, none released. */
    static byte[] unreleasedNotes(int count) {
        Track t = new Track(count * 3 + 16);
        t.raw(0x00, 0x90, 0, 64);
        for (int i = 1; i < count; i++) {
            t.raw(0x01, i % 128, 64);
        }
        return t.end();
    }

    /** {@code count} notes of one tick each, released, on cycling pitches. */
    static byte[] releasedNotes(int count) {
        Track t = new Track(count * 6 + 16);
        t.raw(0x00, 0x90);
        for (int i = 0; i < count; i++) {
            t.raw(i % 128, 64, 0x01, i % 128, 0, 0x00); // a note-on of velocity 0 ends it a tick later
        }
        t.raw(60, 0);
        return t.end();
    }

    /** {@code count} tempo changes, all at tick 0. */
    static byte[] tempos(int count) {
        Track t = new Track(count * 7 + 16);
        for (int i = 0; i < count; i++) {
            t.raw(0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20);
        }
        return t.end();
    }

    /** {@code count} controller changes one tick apart (running status). */
    static byte[] controllers(int count) {
        Track t = new Track(count * 3 + 16);
        t.raw(0x00, 0xB0, 64, 127);
        for (int i = 1; i < count; i++) {
            t.raw(0x01, 64, i & 0x7F);
        }
        return t.end();
    }

    /** {@code tracks} track chunks (the most a header can announce is 65,535), each one named note. */
    static byte[] manyTracks(int tracks) {
        ByteArrayOutputStream out = header(tracks);
        byte[] body = new Track(32).raw(0x00, 0xFF, 0x03, 0x01, 'x', 0x00, 0x90, 60, 64, 0x60, 0x80, 60, 0).chunk();
        for (int i = 0; i < tracks; i++) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** One note held over {@code gaps} deltas of 0x0FFFFFFF ticks each, the largest a delta can be. */
    static byte[] hugeTimes(int gaps) {
        Track t = new Track(gaps * 8 + 16);
        t.raw(0x00, 0x90, 60, 64);
        for (int i = 0; i < gaps; i++) {
            t.raw(0xFF, 0xFF, 0xFF, 0x7F, 0xB0, 1, 0); // a modulation controller after each gap
        }
        t.raw(0x00, 0x80, 60, 0);
        return t.end();
    }

    private static ByteArrayOutputStream header(int tracks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : new int[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, tracks >> 8, tracks & 0xFF, 480 >> 8, 480 & 0xFF}) {
            out.write(b);
        }
        return out;
    }

    /** A file of one track: the header and the chunk's, then events; {@link #end} fills in the chunk length. */
    private static final class Track {
        private static final int HEADERS = 22;
        private final ByteArrayOutputStream out;

        Track(int capacity) {
            out = new ByteArrayOutputStream(capacity + HEADERS);
            out.writeBytes(header(1).toByteArray());
            raw('M', 'T', 'r', 'k', 0, 0, 0, 0);
        }

        Track raw(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        /** The whole file, with an end-of-track event. */
        byte[] end() {
            raw(0x00, 0xFF, 0x2F, 0x00);
            byte[] bytes = out.toByteArray();
            int n = bytes.length - HEADERS;
            bytes[18] = (byte) (n >>> 24);
            bytes[19] = (byte) (n >> 16);
            bytes[20] = (byte) (n >> 8);
            bytes[21] = (byte) n;
            return bytes;
        }

        /** Only the track chunk, for files of several tracks. */
        byte[] chunk() {
            byte[] whole = end();
            return java.util.Arrays.copyOfRange(whole, 14, whole.length);
        }
    }
}
