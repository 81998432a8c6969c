package io.muse4j.audio.spectrogram;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {
    @TempDir
    Path dir;

    @Test
    void headerAndDataAreNumpysVersionOne() throws Exception {
        float[][] values = {{1, 2, 3, 4}, {5, 6, 7, 8.5f}, {-1, 0, 1e-3f, 1e6f}};
        Path file = dir.resolve("x.npy");
        Npy.write(Nd4j.create(values), file);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(Npy.MAGIC, Arrays.copyOf(bytes, 6));
        assertEquals(1, bytes[6], "major version");
        assertEquals(0, bytes[7], "minor version");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = Short.toUnsignedInt(b.getShort(8));
        int dataStart = 10 + headerLength;
        assertEquals(0, dataStart % 64, "data aligned to 64 bytes");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }", header.strip());
        assertTrue(header.endsWith(" \n"), "padded with spaces, ended by a newline");
        assertEquals(dataStart + 12 * 4, bytes.length);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(values[i][j], b.getFloat(dataStart + 4 * (4 * i + j)), "C order: row after row");
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "written atomically: no temporary file left");
        }
    }

    @Test
    void viewsAndOtherShapesAreWrittenAsTheyLook() {
        var transposed = Nd4j.create(new float[][] {{1, 2}, {3, 4}, {5, 6}}).transpose(); // [2 x 3], a view
        byte[] bytes = Npy.bytes(transposed);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int dataStart = 10 + Short.toUnsignedInt(b.getShort(8));
        assertTrue(new String(bytes, 10, dataStart - 10, StandardCharsets.US_ASCII).contains("'shape': (2, 3)"));
        float[] expected = {1, 3, 5, 2, 4, 6};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], b.getFloat(dataStart + 4 * i));
        }
        assertTrue(new String(Npy.header(new long[] {7}), StandardCharsets.US_ASCII).contains("'shape': (7,)"),
                "a one-element tuple keeps its comma");
    }
}
