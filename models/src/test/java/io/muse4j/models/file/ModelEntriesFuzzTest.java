package io.muse4j.models.file;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Fuzzes what a model file holds behind its zip: the input is a header, a zero byte and the weights, zipped with
 * the right checksum as {@link ChecksummedZip#write} would, so that the fuzzer reaches the header's JSON, the model
 * config each kind rebuilds from and the named arrays. The loader must load or fail with
 * {@link ModelFileException} ({@link ModelFileFuzzTest#loadOrRefuse}). Seeds (the fixtures' entries) and findings
 * are in {@code ModelEntriesFuzzTestInputs/entriesOrRefuse}; {@code mvn -Pfuzz verify} fuzzes it.
 */
class ModelEntriesFuzzTest {
    @FuzzTest(maxDuration = "3m")
    void entriesOrRefuse(byte[] headerThenWeights) throws IOException {
        int zero = indexOfZero(headerThenWeights);
        byte[] header = Arrays.copyOf(headerThenWeights, zero);
        byte[] weights = Arrays.copyOfRange(headerThenWeights, Math.min(zero + 1, headerThenWeights.length),
                headerThenWeights.length);
        ModelFileFuzzTest.loadOrRefuse(modelFile(header, weights));
    }

    private static int indexOfZero(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return bytes.length;
    }

    /** A model file as {@link ChecksummedZip#write} lays it out: the two entries, then their SHA-256 in hex. */
    private static byte[] modelFile(byte[] header, byte[] weights) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            put(out, "header.json", header);
            put(out, "weights.bin", weights);
            put(out, "checksum.sha256", sha256(header, weights).getBytes(StandardCharsets.US_ASCII));
        }
        return zip.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
