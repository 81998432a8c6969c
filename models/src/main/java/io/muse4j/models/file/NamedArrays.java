package io.muse4j.models.file;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Float arrays by name in a simple binary layout: a count, then per array its name, shape and values. */
public final class NamedArrays {
    /** The most dimensions an array may have; the models' arrays have at most 4. */
    public static final int MAX_RANK = 8;

    private NamedArrays() {
    }

    public static byte[] write(Map<String, INDArray> arrays) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(arrays.size());
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                out.writeUTF(e.getKey());
                long[] shape = e.getValue().shape();
                out.writeInt(shape.length);
                for (long dim : shape) {
                    out.writeLong(dim);
                }
                for (float value : e.getValue().dup('c').castTo(DataType.FLOAT).data().asFloat()) {
                    out.writeFloat(value);
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Reads arrays back in their order; {@code file} names the source in errors. */
    public static Map<String, INDArray> read(byte[] data, String file) throws ModelFileException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > MAX_RANK) { // read before allocating: a hostile rank would exhaust the heap
                    throw new ModelFileException(file, "array " + name + " has " + rank + " dimensions, not 0.."
                            + MAX_RANK);
                }
                long[] shape = new long[rank];
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.readLong();
                }
                long length = elements(shape);
                if (length < 0 || length * 4 > in.available()) {
                    throw new ModelFileException(file, "array " + name + " of shape " + java.util.Arrays.toString(shape)
                            + " does not fit in the " + in.available() + " bytes left");
                }
                float[] values = new float[(int) length];
                for (int v = 0; v < values.length; v++) {
                    values[v] = in.readFloat();
                    if (!Float.isFinite(values[v])) {
                        throw new ModelFileException(file, "array " + name + " holds " + values[v] + " at index " + v
                                + ": its weights are not numbers (did training diverge?)");
                    }
                }
                arrays.put(name, Nd4j.create(values, shape, 'c'));
            }
        } catch (EOFException e) {
            throw new ModelFileException(file, "arrays are truncated");
        } catch (IOException e) {
            throw e instanceof ModelFileException m ? m : new ModelFileException(file, "unreadable arrays: " + e);
        }
        return arrays;
    }

    /**
     * The number of values of an array of this shape, or -1 for a negative dimension or more values than an int
     * counts: checked a dimension at a time, since a product that overflowed a long could pass the size check.
     */
    private static long elements(long[] shape) {
        long length = 1;
        for (long dim : shape) {
            if (dim < 0 || dim > Integer.MAX_VALUE) {
                return -1;
            }
            length *= dim;
            if (length > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return length;
    }

    /** Copies {@code saved} into {@code targets}, which must have exactly the same names and shapes. */
    public static void assign(Map<String, INDArray> targets, Map<String, INDArray> saved, String file)
            throws ModelFileException {
        if (!targets.keySet().equals(saved.keySet())) {
            Set<String> missing = new TreeSet<>(targets.keySet());
            missing.removeAll(saved.keySet());
            Set<String> unknown = new TreeSet<>(saved.keySet());
            unknown.removeAll(targets.keySet());
            String lacks = missing.isEmpty() ? "" : "lacks arrays " + missing + (unknown.isEmpty() ? "" : " and ");
            throw new ModelFileException(file, lacks + (unknown.isEmpty() ? "" : "has unknown arrays " + unknown)
                    + " for its model (written by another version of muse4j?)");
        }
        for (Map.Entry<String, INDArray> e : targets.entrySet()) {
            INDArray value = saved.get(e.getKey());
            if (!java.util.Arrays.equals(value.shape(), e.getValue().shape())) {
                throw new ModelFileException(file, "array " + e.getKey() + java.util.Arrays.toString(value.shape())
                        + " where the model has " + java.util.Arrays.toString(e.getValue().shape()));
            }
            e.getValue().assign(value);
        }
    }
}
