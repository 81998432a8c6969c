package io.muse4j.midi;

/** Reads big-endian numbers from a byte array, failing with the file's name and offset when bytes run out. */
final class ByteCursor {
    private final byte[] bytes;
    private final String name;
    private int pos;
    private int limit;
    private boolean inChunk;

    ByteCursor(byte[] bytes, String name) {
        this.bytes = bytes;
        this.name = name;
        this.limit = bytes.length;
    }

    int pos() {
        return pos;
    }

    void seek(int position) {
        pos = position;
    }

    int limit() {
        return limit;
    }

    /** Restricts reading to {@code [pos, end)}: a track chunk, or (outside one) the file's MIDI data. */
    void limit(int end, boolean chunk) {
        limit = end;
        inChunk = chunk;
    }

    int remaining() {
        return limit - pos;
    }

    MidiFormatException error(long offset, String reason) {
        return new MidiFormatException(name, offset, reason);
    }

    void need(int count, String what) throws MidiFormatException {
        if (count > limit - pos) {
            throw error(pos, what + " needs " + count + " bytes but " + (limit - pos)
                    + (inChunk ? " remain in the track chunk" : " remain in the file"));
        }
    }

    int u8(String what) throws MidiFormatException {
        need(1, what);
        return bytes[pos++] & 0xFF;
    }

    int u16(String what) throws MidiFormatException {
        need(2, what);
        int value = (bytes[pos] & 0xFF) << 8 | (bytes[pos + 1] & 0xFF);
        pos += 2;
        return value;
    }

    long u32(String what) throws MidiFormatException {
        need(4, what);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = value << 8 | (bytes[pos + i] & 0xFF);
        }
        pos += 4;
        return value;
    }

    /** A variable-length quantity of at most four bytes, as the MIDI file format allows. */
    int vlq(String what) throws MidiFormatException {
        int start = pos;
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int b = u8(what);
            value = value << 7 | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw error(start, what + " is a variable-length number longer than 4 bytes");
    }

    String ascii(int count, String what) throws MidiFormatException {
        need(count, what);
        String text = new String(bytes, pos, count, java.nio.charset.StandardCharsets.ISO_8859_1);
        pos += count;
        return text;
    }

    byte[] slice(int count, String what) throws MidiFormatException {
        need(count, what);
        byte[] out = java.util.Arrays.copyOfRange(bytes, pos, pos + count);
        pos += count;
        return out;
    }

    void skip(int count, String what) throws MidiFormatException {
        need(count, what);
        pos += count;
    }
}
