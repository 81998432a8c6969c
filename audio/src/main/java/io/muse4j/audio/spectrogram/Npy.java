package io.muse4j.audio.spectrogram;

import io.muse4j.core.io.AtomicFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes arrays in NumPy's {@code .npy} format, version 1.0: the magic {@code \x93NUMPY}, the version, a
 * little-endian 16-bit header length, then a Python dict literal ({@code descr '<f4'}, {@code fortran_order False},
 * the shape) padded with spaces and a newline so the data starts at a multiple of 64 bytes, then the values as
 * little-endian 32-bit floats in C order. {@code numpy.load} reads it back.
 */
public final class Npy {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    static final int ALIGNMENT = 64;

    private Npy() {
    }

    /** Writes {@code array} as 32-bit floats, atomically. */
    public static void write(INDArray array, Path file) throws IOException {
        AtomicFiles.write(file, bytes(array));
    }

    /** The whole file's bytes. */
    static byte[] bytes(INDArray array) {
        INDArray c = array.castTo(DataType.FLOAT).dup('c');
        float[] values = c.data().asFloat();
        byte[] header = header(array.shape());
        ByteBuffer out = ByteBuffer.allocate(Math.addExact(header.length, Math.multiplyExact(values.length, 4)))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        out.asFloatBuffer().put(values);
        return out.array();
    }

    /** Magic, version 1.0, header length and the padded dict. */
    static byte[] header(long[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "")
                + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1; // + the closing newline
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        if (text.length() > 0xFFFF) {
            throw new IllegalArgumentException("a shape of " + shape.length + " dimensions does not fit a .npy 1.0 "
                    + "header");
        }
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
