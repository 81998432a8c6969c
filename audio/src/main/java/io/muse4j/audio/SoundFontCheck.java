package io.muse4j.audio;

import io.muse4j.core.io.InputFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks a SoundFont's structure before Gervill reads it, since Gervill reads a truncated SoundFont, or some files
 * that are no SoundFont at all, without a word and then plays silence. A SoundFont 2 file is a RIFF form of type
 * {@code sfbk} whose size matches the file, with chunks that stay inside it, a sample chunk ({@code sdta}) and
 * preset headers ({@code phdr} in {@code pdta}) that hold at least one preset besides the terminal record. A DLS
 * file (RIFF form {@code DLS }) gets the RIFF checks. Only the chunk headers are read, not the samples.
 */
final class SoundFontCheck {
    /** The largest SoundFont read (1 GiB); FluidR3 GM, a large General MIDI set, is 141 MB. */
    static final long MAX_BYTES = 1L << 30;
    /** Bytes of one SoundFont 2 preset header record. */
    private static final int PRESET_HEADER_BYTES = 38;

    private final Path file;
    private final FileChannel channel;
    private final long size;

    private SoundFontCheck(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Fails with {@link SoundFontException} naming the file unless it is a whole SF2 (or DLS) file. */
    static void check(Path file) throws IOException {
        long size = InputFiles.checkRegular(file, MAX_BYTES);
        try (FileChannel channel = FileChannel.open(file)) {
            new SoundFontCheck(file, channel, size).form();
        }
    }

    private void form() throws IOException {
        ByteBuffer head = read(0, (int) Math.min(12, size));
        String magic = ascii(head, 0);
        String type = ascii(head, 8);
        if (!magic.equals("RIFF")) {
            throw fail("it does not start with 'RIFF' (a SoundFont 2 or DLS file does; it starts with "
                    + (magic.isEmpty() ? "fewer than 4 bytes" : "'" + printable(magic) + "'") + ")");
        }
        if (size < 12) {
            throw fail("truncated: " + size + " bytes, less than a RIFF header");
        }
        if (!type.equals("sfbk") && !type.equals("DLS ")) {
            throw fail("a RIFF file of type '" + printable(type) + "', not a SoundFont ('sfbk') or DLS ('DLS ')");
        }
        long end = 8 + Integer.toUnsignedLong(head.getInt(4));
        if (end > size) {
            throw fail(String.format(Locale.ROOT, "truncated: its RIFF header promises %,d bytes, the file holds %,d",
                    end, size));
        }
        boolean samples = false;
        int presets = -1;
        for (long at = 12; at < end; ) {
            Chunk chunk = chunk(at, end);
            if (chunk.id.equals("LIST") && chunk.size >= 4) {
                String list = ascii(read(chunk.body, 4), 0);
                samples |= list.equals("sdta");
                if (list.equals("pdta")) {
                    presets = presets(chunk.body + 4, chunk.end());
                }
            }
            at = chunk.end() + (chunk.size & 1);
        }
        if (type.equals("sfbk")) {
            if (!samples) {
                throw fail("no sample data (no 'sdta' list)");
            }
            if (presets < 0) {
                throw fail("no preset data (no 'pdta' list with 'phdr')");
            }
            if (presets == 0) {
                throw fail("it holds no presets");
            }
        }
    }

    /** The number of presets in the {@code phdr} of the preset data at [{@code from}, {@code end}), or -1. */
    private int presets(long from, long end) throws IOException {
        for (long at = from; at < end; ) {
            Chunk chunk = chunk(at, end);
            if (chunk.id.equals("phdr")) {
                if (chunk.size % PRESET_HEADER_BYTES != 0 || chunk.size < PRESET_HEADER_BYTES) {
                    throw fail("preset headers ('phdr') of " + chunk.size + " bytes, not a whole number of "
                            + PRESET_HEADER_BYTES + "-byte records ending with the terminal one");
                }
                return (int) (chunk.size / PRESET_HEADER_BYTES) - 1;
            }
            at = chunk.end() + (chunk.size & 1);
        }
        return -1;
    }

    private record Chunk(String id, long body, long size) {
        long end() {
            return body + size;
        }
    }

    private Chunk chunk(long at, long end) throws IOException {
        if (end - at < 8) {
            throw fail("damaged: " + (end - at) + " stray bytes at byte " + at + " where a chunk header should be");
        }
        ByteBuffer header = read(at, 8);
        String id = ascii(header, 0);
        long length = Integer.toUnsignedLong(header.getInt(4));
        if (at + 8 + length > end) {
            throw fail(String.format(Locale.ROOT, "truncated or damaged: chunk '%s' at byte %,d claims %,d bytes, "
                    + "past the end of what holds it (byte %,d)", printable(id), at, length, end));
        }
        return new Chunk(id, at + 8, length);
    }

    private ByteBuffer read(long at, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(count).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                throw fail("the file ended while it was read (it shrank?)");
            }
        }
        return b.flip();
    }

    private SoundFontException fail(String reason) {
        return new SoundFontException(file.toString(), reason, null);
    }

    private static String ascii(ByteBuffer b, int at) {
        return b.limit() < at + 4 ? "" : new String(b.array(), at, 4, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format(Locale.ROOT, "\\x%02X", (int) c));
        }
        return out.toString();
    }
}
