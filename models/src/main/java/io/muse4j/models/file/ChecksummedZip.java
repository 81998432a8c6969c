package io.muse4j.models.file;

import io.muse4j.core.io.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zip files whose last entry, {@code checksum.sha256}, is the SHA-256 of all the others in order. */
public final class ChecksummedZip {
    private static final String CHECKSUM = "checksum.sha256";
    private static final int MAX_ENTRY_BYTES = 1 << 30;

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
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), what, required);
        }
    }

    /** {@link #read(Path, String, String...)} from a stream; {@code name} names it in errors. */
    public static Map<String, byte[]> read(InputStream stream, String name, String what, String... required)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(stream)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readNBytes(MAX_ENTRY_BYTES));
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFileException(name, "not a " + what + ", or a truncated one (" + e.getMessage() + ")");
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
