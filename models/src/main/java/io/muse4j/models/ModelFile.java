package io.muse4j.models;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.muse4j.core.LibraryVersion;
import io.muse4j.core.io.AtomicFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The one self-describing model file: a zip of {@code header.json} (format version, library version, model kind
 * and config, vocabulary, training summary), {@code weights.bin} (each named array: name, shape, float values)
 * and {@code checksum.sha256} (SHA-256 of the other two). Loading reads the header first, rebuilds the model from
 * its config and copies the weights in; anything corrupt, truncated, foreign or too new is a
 * {@link ModelFileException} naming the file.
 */
public final class ModelFile {
    /** The version of this layout; files of a later one are refused. */
    public static final int FORMAT_VERSION = 1;
    private static final String KIND = "token-lstm";
    private static final JsonFactory JSON = new JsonFactory();

    private ModelFile() {
    }

    /** Writes the model atomically. */
    public static void save(Path file, TokenLstm model, List<String> vocabulary, Map<String, String> training)
            throws IOException {
        if (vocabulary.size() != model.config().vocabularySize()) {
            throw new IllegalArgumentException("vocabulary of " + vocabulary.size() + " names for a model of "
                    + model.config().vocabularySize() + " ids");
        }
        byte[] header = header(model.config(), vocabulary, training);
        byte[] weights = weights(model);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            entry(out, "header.json", header);
            entry(out, "weights.bin", weights);
            entry(out, "checksum.sha256", sha256(header, weights).getBytes(StandardCharsets.US_ASCII));
        }
        AtomicFiles.write(file, zip.toByteArray());
    }

    /** Loads a model as a graph for batches of {@code batch} sequences of {@code steps} tokens. */
    public static SavedModel load(Path file, int batch, int steps) throws IOException {
        String name = file.toString();
        Map<String, byte[]> entries = entries(file, name);
        byte[] header = required(entries, "header.json", name);
        byte[] weights = required(entries, "weights.bin", name);
        String checksum = new String(required(entries, "checksum.sha256", name), StandardCharsets.US_ASCII).strip();
        if (!checksum.equals(sha256(header, weights))) {
            throw new ModelFileException(name, "checksum mismatch: the file is corrupt");
        }
        Header h = Header.parse(header, name);
        if (h.formatVersion > FORMAT_VERSION) {
            throw new ModelFileException(name, "model format version " + h.formatVersion + " is newer than this muse4j ("
                    + LibraryVersion.get() + ") reads (" + FORMAT_VERSION + "); upgrade muse4j");
        }
        if (!KIND.equals(h.kind)) {
            throw new ModelFileException(name, "unknown model kind '" + h.kind + "'");
        }
        TokenLstm model;
        try {
            model = new TokenLstm(new LstmConfig(h.config.get("vocabularySize"), h.config.get("embedding"),
                    h.config.get("hidden"), h.config.get("layers")), batch, steps, 0);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelFileException(name, "bad model config " + h.config + ": " + e.getMessage());
        }
        copyWeights(model, weights, name);
        return new SavedModel(model, h.vocabulary, h.training, h.libraryVersion);
    }

    private static byte[] header(LstmConfig config, List<String> vocabulary, Map<String, String> training)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "muse4j-model");
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeStringField("libraryVersion", LibraryVersion.get());
            g.writeStringField("kind", KIND);
            g.writeObjectFieldStart("config");
            g.writeNumberField("vocabularySize", config.vocabularySize());
            g.writeNumberField("embedding", config.embedding());
            g.writeNumberField("hidden", config.hidden());
            g.writeNumberField("layers", config.layers());
            g.writeEndObject();
            g.writeArrayFieldStart("vocabulary");
            for (String token : vocabulary) {
                g.writeString(token);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("training");
            for (Map.Entry<String, String> e : new TreeMap<>(training).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static byte[] weights(TokenLstm model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(model.weightNames().size());
            for (String name : model.weightNames()) {
                INDArray array = model.weight(name);
                out.writeUTF(name);
                out.writeInt(array.rank());
                for (long dim : array.shape()) {
                    out.writeLong(dim);
                }
                for (float value : array.dup('c').data().asFloat()) {
                    out.writeFloat(value);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void copyWeights(TokenLstm model, byte[] weights, String file) throws ModelFileException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            int count = in.readInt();
            if (count != model.weightNames().size()) {
                throw new ModelFileException(file, count + " weight arrays where the model has "
                        + model.weightNames().size());
            }
            for (String expected : model.weightNames()) {
                String name = in.readUTF();
                INDArray target = model.weight(expected);
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                }
                if (!name.equals(expected) || !java.util.Arrays.equals(shape, target.shape())) {
                    throw new ModelFileException(file, "weight " + name + java.util.Arrays.toString(shape)
                            + " where the model has " + expected + java.util.Arrays.toString(target.shape()));
                }
                float[] values = new float[Math.toIntExact(target.length())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readFloat();
                }
                target.assign(org.nd4j.linalg.factory.Nd4j.create(values, shape, 'c').castTo(DataType.FLOAT));
            }
        } catch (IOException e) {
            throw e instanceof ModelFileException m ? m : new ModelFileException(file, "weights are truncated");
        }
    }

    private static void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static Map<String, byte[]> entries(Path file, String name) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readNBytes(64 << 20));
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new ModelFileException(name, "not a muse4j model file, or a truncated one (" + e.getMessage() + ")");
        }
        return entries;
    }

    private static byte[] required(Map<String, byte[]> entries, String entry, String name) throws ModelFileException {
        byte[] bytes = entries.get(entry);
        if (bytes == null) {
            throw new ModelFileException(name, entries.isEmpty() ? "not a muse4j model file"
                    : "not a muse4j model file, or a truncated one: it has no " + entry);
        }
        return bytes;
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

    /** The parsed header. */
    private static final class Header {
        int formatVersion;
        String libraryVersion = "unknown";
        String kind;
        final Map<String, Integer> config = new LinkedHashMap<>();
        final List<String> vocabulary = new ArrayList<>();
        final Map<String, String> training = new LinkedHashMap<>();

        static Header parse(byte[] json, String name) throws ModelFileException {
            Header h = new Header();
            try (JsonParser p = JSON.createParser(json)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new ModelFileException(name, "header is not a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    h.field(field, p);
                }
            } catch (IOException e) {
                throw e instanceof ModelFileException m ? m : new ModelFileException(name, "unreadable header: " + e.getMessage());
            }
            return h;
        }

        private void field(String field, JsonParser p) throws IOException {
            switch (field) {
                case "formatVersion" -> formatVersion = p.getIntValue();
                case "libraryVersion" -> libraryVersion = p.getText();
                case "kind" -> kind = p.getText();
                case "config" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        config.put(key, p.getIntValue());
                    }
                }
                case "vocabulary" -> {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        vocabulary.add(p.getText());
                    }
                }
                case "training" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        training.put(key, p.getText());
                    }
                }
                default -> p.skipChildren();
            }
        }
    }
}
