package io.muse4j.audio.signal;

import io.muse4j.core.io.InputFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What the first bytes of a file say it is, to explain why javax.sound.sampled would not open it: not audio at all,
 * a WAV compressed with a codec javax lacks, or a WAV or AIFF header cut short or damaged.
 */
final class AudioHeader {
    /** Enough to reach the format chunk of any ordinary WAV. */
    private static final int SNIFF_BYTES = 1 << 16;
    /** WAV format tags javax reads (PCM, IEEE float, A-law, mu-law, extensible). */
    private static final Map<Integer, String> READABLE = Map.of(0x0001, "PCM", 0x0003, "IEEE float",
            0x0006, "A-law", 0x0007, "mu-law", 0xFFFE, "extensible");
    /** Names of some codecs found in WAV files, for the message. */
    private static final Map<Integer, String> CODECS = Map.of(0x0002, "Microsoft ADPCM", 0x0011, "IMA ADPCM",
            0x0031, "GSM 6.10", 0x0050, "MPEG", 0x0055, "MP3", 0x0161, "Windows Media Audio", 0x1610, "AAC");

    private enum Kind { WAV, AIFF, OTHER_RIFF, UNKNOWN }

    private final Kind kind;
    private final byte[] head;

    private AudioHeader(Kind kind, byte[] head) {
        this.kind = kind;
        this.head = head;
    }

    static AudioHeader sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = InputFiles.newInputStream(file, AudioReader.MAX_FILE_BYTES)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        String magic = ascii(head, 0, 4);
        String type = ascii(head, 8, 4);
        Kind kind = magic.equals("RIFF") && type.equals("WAVE") ? Kind.WAV
                : magic.equals("FORM") && (type.equals("AIFF") || type.equals("AIFC")) ? Kind.AIFF
                : magic.equals("RIFF") || magic.equals("RIFX") || magic.equals("RF64") ? Kind.OTHER_RIFF
                : Kind.UNKNOWN;
        return new AudioHeader(kind, head);
    }

    /** Why javax could not open a file that starts like this one. */
    String whyUnreadable() {
        return switch (kind) {
            case UNKNOWN -> "not a WAV or AIFF file (it starts with " + printable(head) + ")";
            case OTHER_RIFF -> "not a WAV file javax.sound.sampled reads (a " + ascii(head, 0, 4) + " file of type '"
                    + ascii(head, 8, 4) + "'); convert it to 16-bit PCM WAV";
            case AIFF -> "damaged or truncated AIFF header, or an AIFF-C compression javax.sound.sampled lacks";
            case WAV -> wavProblem();
        };
    }

    /** Walks the RIFF chunks to the format chunk and names its codec, or says where the header ends. */
    private String wavProblem() {
        boolean whole = head.length < SNIFF_BYTES; // else only the file's start was read
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        boolean format = false;
        boolean data = false;
        for (long at = 12; at + 8 <= head.length; ) {
            String id = ascii(head, (int) at, 4);
            long size = Integer.toUnsignedLong(b.getInt((int) at + 4));
            if (id.equals("fmt ")) {
                if (at + 8 + Math.max(2, size) > head.length && whole) {
                    return "truncated WAV: the file ends inside its format chunk";
                }
                int tag = Short.toUnsignedInt(b.getShort((int) at + 8));
                if (!READABLE.containsKey(tag)) {
                    return String.format(Locale.ROOT, "compressed WAV (format 0x%04X, %s) is not supported; convert "
                            + "it to PCM", tag, CODECS.getOrDefault(tag, "unknown codec"));
                }
                format = true;
            }
            data |= id.equals("data");
            at += 8 + size + (size & 1);
        }
        if (!format) {
            return whole ? "truncated WAV: the file ends before its format chunk"
                    : "damaged WAV header: no format chunk in its first " + SNIFF_BYTES / 1024 + " KiB";
        }
        if (!data && whole) {
            return "truncated WAV: the file ends before its data chunk";
        }
        return "damaged WAV header (javax.sound.sampled refuses its format chunk)";
    }

    private static String ascii(byte[] bytes, int from, int count) {
        if (bytes.length < from + count) {
            return "";
        }
        return new String(bytes, from, count, StandardCharsets.ISO_8859_1);
    }

    /** The first bytes, as text where printable and as hex otherwise. */
    private static String printable(byte[] head) {
        StringBuilder s = new StringBuilder();
        int n = Math.min(8, head.length);
        boolean text = true;
        for (int i = 0; i < n; i++) {
            text &= head[i] >= 0x20 && head[i] < 0x7F;
        }
        for (int i = 0; i < n; i++) {
            s.append(text ? String.valueOf((char) head[i]) : String.format(Locale.ROOT, "%s%02X", i == 0 ? "" : " ",
                    head[i] & 0xFF));
        }
        return text ? "'" + s + "'" : "bytes " + s;
    }
}
