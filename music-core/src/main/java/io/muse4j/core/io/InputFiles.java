package io.muse4j.core.io;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Opens input files for every reader of muse4j, with one size cap per reader. Only regular files are opened (a
 * symbolic link counts as what it points to): a FIFO would block the open forever and a device such as
 * {@code /dev/zero} never ends, so both, and folders, fail at once with an {@link InputFileException} naming the
 * file. A file over the cap fails before it is read, and one that grows past the cap while it is read fails
 * there, so no reader holds more than its cap in memory whatever the file does.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Checks that {@code file} is a regular file of at most {@code maxBytes} bytes and returns its size; fails
     * with {@link NoSuchFileException} when it is missing and {@link InputFileException} otherwise.
     */
    public static long checkRegular(Path file, long maxBytes) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString());
        }
        if (!attributes.isRegularFile()) {
            throw new InputFileException(file.toString(), "not a regular file (" + kind(file, attributes) + ")");
        }
        long size = attributes.size();
        if (size > maxBytes) {
            throw new InputFileException(file.toString(), String.format(Locale.ROOT, "%,d bytes, more than the %s "
                    + "this reader takes", size, cap(maxBytes)));
        }
        return size;
    }

    /** The whole file, which must be a regular file of at most {@code maxBytes} bytes (see the class comment). */
    public static byte[] readAllBytes(Path file, long maxBytes) throws IOException {
        if (maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cap of " + maxBytes + " bytes is more than an array holds");
        }
        try (InputStream in = newInputStream(file, maxBytes)) {
            return in.readAllBytes();
        }
    }

    /**
     * A stream of the file, which must be a regular file of at most {@code maxBytes} bytes; reading past
     * {@code maxBytes} (a file that grows) throws {@link InputFileException}.
     */
    public static InputStream newInputStream(Path file, long maxBytes) throws IOException {
        checkRegular(file, maxBytes);
        return new Capped(Files.newInputStream(file), file, maxBytes);
    }

    /**
     * A UTF-8 reader of the file, under the same rules as {@link #newInputStream}; bytes that are not UTF-8 (a
     * binary file) fail with an {@link InputFileException} naming the file.
     */
    public static BufferedReader newReader(Path file, long maxBytes) throws IOException {
        return new BufferedReader(new Utf8(new InputStreamReader(newInputStream(file, maxBytes),
                StandardCharsets.UTF_8.newDecoder()), file));
    }

    /** "64 MiB (67,108,864 bytes)", or "100 bytes" for small caps. */
    private static String cap(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%s MiB (%,d bytes)", bytes >> 20, bytes)
                : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    private static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a folder";
        }
        if (attributes.isOther()) {
            try {
                Object mode = Files.getAttribute(file, "unix:mode");
                if (mode instanceof Integer m) {
                    return switch (m & 0xF000) {
                        case 0x1000 -> "a FIFO";
                        case 0x2000 -> "a character device";
                        case 0x6000 -> "a block device";
                        case 0xC000 -> "a socket";
                        default -> "a special file";
                    };
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return "a special file";
            }
        }
        return "a special file";
    }

    /** Names the file when its bytes are not UTF-8, where the decoder would say only "Input length = 1". */
    private static final class Utf8 extends FilterReader {
        private final Path file;

        Utf8(Reader in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (CharacterCodingException e) {
                throw notText(e);
            }
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (CharacterCodingException e) {
                throw notText(e);
            }
        }

        private InputFileException notText(CharacterCodingException e) {
            InputFileException named = new InputFileException(file.toString(), "not UTF-8 text (a binary file?)");
            named.initCause(e);
            return named;
        }
    }

    /** Counts the bytes read and fails past the cap. */
    private static final class Capped extends FilterInputStream {
        private final Path file;
        private final long maxBytes;
        private long read;

        Capped(InputStream in, Path file, long maxBytes) {
            super(in);
            this.file = file;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, maxBytes - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, maxBytes - read + 1));
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) throws InputFileException {
            read += n;
            if (read > maxBytes) {
                throw new InputFileException(file.toString(), "grew past the " + cap(maxBytes)
                        + " this reader takes while it was read");
            }
        }
    }
}
