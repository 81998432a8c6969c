package io.muse4j.models.file;

import io.muse4j.core.io.AtomicFiles;
import io.muse4j.core.io.InputFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zip files whose last entry, {@code checksum.sha256}, is the SHA-256 of all the others in order. */
public final class ChecksummedZip {
    /** The most bytes a file may hold on disk, 1 GiB: many times the largest model muse4j trains. */
    public static final int MAX_FILE_BYTES = 1 << 30;
    /** The most bytes one entry may inflate to, 1 GiB (a quarter of a billion weights). */
    public static final long MAX_ENTRY_BYTES = 1L << 30;
    /** The most bytes all entries together may inflate to, 1.5 GiB (a checkpoint holds three copies of a model). */
    public static final long MAX_TOTAL_BYTES = 3L << 29;
    private static final String CHECKSUM = "checksum.sha256";

    private ChecksummedZip() {
    }

    /** Writes the entries, in order, and their checksum; atomically. */
    public static void write(Path file, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(out, e.getKey(), e.getValue());
            }
            put(out, CHECKSUM, sha256(entries).getBytes(StandardCharsets.US_ASCII));
        }
        AtomicFiles.write(file, zip.toByteArray());
    }

    /** The entries, checked against the checksum; {@code what} names the kind of file in errors. */
    public static Map<String, byte[]> read(Path file, String what, String... required) throws IOException {
        try (InputStream in = InputFiles.newInputStream(file, MAX_FILE_BYTES)) {
            return read(in, file.toString(), what, required);
        }
    }

    /**
     * {@link #read(Path, String, String...)} from a stream; {@code name} names it in errors. The file is checked
     * as a whole: it must end with a zip central directory that lists exactly the entries read, and each entry
     * must inflate to the size the directory declares, which is checked against the caps before anything is
     * inflated and again while inflating, since a hostile header may lie.
     */
    public static Map<String, byte[]> read(InputStream stream, String name, String what, String... required)
            throws IOException {
        String truncated = "not a " + what + ", or a truncated one";
        byte[] zip = stream.readNBytes(MAX_FILE_BYTES + 1);
        if (zip.length > MAX_FILE_BYTES) {
            throw new ModelFileException(name, String.format(Locale.ROOT, "more than the %,d bytes a %s may have",
                    MAX_FILE_BYTES, what));
        }
        if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K' || zip[2] != 3 || zip[3] != 4) {
            throw new ModelFileException(name, "not a " + what);
        }
        Map<String, Long> sizes = ZipDirectory.sizes(zip, name, truncated);
        checkSizes(sizes, name);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Long size = sizes.get(entry.getName());
                if (size == null) {
                    throw new ModelFileException(name, truncated + ": its entry " + entry.getName()
                            + " is missing from its zip central directory");
                }
                byte[] bytes = in.readNBytes((int) (size + 1));
                if (bytes.length != size) {
                    throw new ModelFileException(name, String.format(Locale.ROOT, "%s: its entry %s inflates %s the "
                            + "%,d bytes its zip central directory declares", bytes.length > size ? "corrupt or hostile"
                            : truncated, entry.getName(), bytes.length > size ? "past" : "to less than", size));
                }
                entries.put(entry.getName(), bytes);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFileException(name, truncated + " (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) { // how ZipInputStream refuses an entry name that is not UTF-8
            throw new ModelFileException(name, truncated + ": an entry's name is not UTF-8 (" + e.getMessage() + ")");
        }
        if (!entries.keySet().equals(sizes.keySet())) {
            throw new ModelFileException(name, truncated + ": its zip central directory lists " + sizes.keySet()
                    + " where the file holds " + entries.keySet());
        }
        if (entries.isEmpty()) {
            throw new ModelFileException(name, "not a " + what);
        }
        for (String entry : required) {
            if (!entries.containsKey(entry)) {
                throw new ModelFileException(name, "not a " + what + ", or a truncated one: it has no " + entry);
            }
        }
        byte[] checksum = entries.remove(CHECKSUM);
        if (checksum == null) {
            throw new ModelFileException(name, "not a " + what + ", or a truncated one: it has no " + CHECKSUM);
        }
        if (!new String(checksum, StandardCharsets.US_ASCII).strip().equals(sha256(entries))) {
            throw new ModelFileException(name, "checksum mismatch: the file is corrupt");
        }
        return entries;
    }

    /** Refuses entries whose declared sizes pass the caps or the memory left, before any is inflated. */
    private static void checkSizes(Map<String, Long> sizes, String name) throws ModelFileException {
        long total = 0;
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            if (e.getValue() > MAX_ENTRY_BYTES) {
                String size = e.getValue() == 0xFFFF_FFFFL ? "4 GiB or more (a zip64 size)"
                        : String.format(Locale.ROOT, "%,d bytes", e.getValue());
                throw new ModelFileException(name, String.format(Locale.ROOT, "its entry %s would inflate to %s, "
                        + "more than the %,d bytes an entry may", e.getKey(), size, MAX_ENTRY_BYTES));
            }
            total += e.getValue();
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new ModelFileException(name, String.format(Locale.ROOT, "its entries would inflate to %,d bytes, "
                    + "more than the %,d a file may", total, MAX_TOTAL_BYTES));
        }
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (total > free) {
            throw new ModelFileException(name, String.format(Locale.ROOT, "its entries inflate to %,d MB, more "
                    + "than the %,d MB of memory left (raise the JVM's -Xmx)", total >> 20, free >> 20));
        }
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static String sha256(Map<String, byte[]> entries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : entries.values()) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
