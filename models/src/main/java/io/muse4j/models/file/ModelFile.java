package io.muse4j.models.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.muse4j.core.LibraryVersion;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one self-describing model file: a zip of {@code header.json} (format version, library version, model kind
 * and config, vocabulary, training summary), {@code weights.bin} (each named array: name, shape, float values),
 * any further entries of named arrays a kind needs (a MusicVAE's {@code attributes.bin}, see {@link VaeFile}), and
 * {@code checksum.sha256} (SHA-256 of the others). Loading reads the header first, rebuilds the model from
 * its config and copies the weights in; anything corrupt, truncated, foreign or too new is a
 * {@link ModelFileException} naming the file.
 */
public final class ModelFile {
    /** The version of this layout; files of a later one are refused. */
    public static final int FORMAT_VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private ModelFile() {
    }

    /** Writes the model atomically. */
    public static void save(Path file, StoredModel model, Map<String, String> tokenizer, List<String> vocabulary,
                            Map<String, String> training) throws IOException {
        save(file, model, tokenizer, vocabulary, training, Map.of());
    }

    /** Writes the model atomically, with each of {@code extra}'s named arrays as an entry of its own. */
    public static void save(Path file, StoredModel model, Map<String, String> tokenizer, List<String> vocabulary,
                     Map<String, String> training, Map<String, Map<String, INDArray>> extra) throws IOException {
        if (vocabulary.size() != model.vocabularySize()) {
            throw new IllegalArgumentException("vocabulary of " + vocabulary.size() + " names for a model of "
                    + model.vocabularySize() + " ids");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("header.json", header(model.kind(), model.configValues(), tokenizer, vocabulary, training));
        entries.put("weights.bin", NamedArrays.write(model.weights()));
        for (Map.Entry<String, Map<String, INDArray>> e : extra.entrySet()) {
            entries.put(e.getKey(), NamedArrays.write(e.getValue()));
        }
        ChecksummedZip.write(file, entries);
    }

    /** Adds (or replaces) an entry of a model file, atomically, keeping the rest and checksumming anew. */
    public static void addEntry(Path file, String name, byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(contents(file).entries());
        entries.put(name, bytes);
        ChecksummedZip.write(file, entries);
    }

    /** A model file's entries, checksum checked, and its parsed header; {@code name} names it in errors. */
    public record Contents(Map<String, byte[]> entries, Header header, String name) {
        /**
         * The model, fresh from {@code rebuild} (the file's kind rebuilding it from the header's config), holding
         * the file's weights. A config the kind refuses is an error naming the file.
         */
        public <M extends StoredModel> M model(Rebuild<M> rebuild) throws ModelFileException {
            M model;
            try {
                model = rebuild.from(header);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ModelFileException(name, "bad model config " + header.config + ": " + e.getMessage());
            }
            NamedArrays.assign(model.weights(), NamedArrays.read(entries.get("weights.bin"), name), name);
            return model;
        }

        /** The entry's named arrays, or an empty map when the file has no such entry. */
        public Map<String, INDArray> arrays(String entry) throws ModelFileException {
            return entries.containsKey(entry) ? NamedArrays.read(entries.get(entry), name) : Map.of();
        }
    }

    /** How a kind of model rebuilds itself, with fresh weights, from a header's config. */
    public interface Rebuild<M extends StoredModel> {
        /** The model the header describes. */
        M from(Header header);
    }

    /** The checked entries and header of a model file read from a stream. */
    public static Contents contents(java.io.InputStream in, String name) throws IOException {
        Map<String, byte[]> entries = entries(in, name);
        return new Contents(entries, header(entries, name), name);
    }

    /** The checked entries and header of a model file. */
    public static Contents contents(Path file) throws IOException {
        try (java.io.InputStream in = io.muse4j.core.io.InputFiles.newInputStream(file, ChecksummedZip.MAX_FILE_BYTES)) {
            return contents(in, file.toString());
        }
    }

    /** The entries of a model file, checksum checked. */
    static Map<String, byte[]> entries(java.io.InputStream in, String name) throws IOException {
        return ChecksummedZip.read(in, name, "muse4j model file", "header.json", "weights.bin");
    }

    /** The parsed header of a model file's entries; fails when the file's format is newer than this muse4j's. */
    static Header header(Map<String, byte[]> entries, String name) throws ModelFileException {
        Header h = Header.parse(entries.get("header.json"), name);
        if (h.formatVersion > FORMAT_VERSION) {
            throw new ModelFileException(name, "model format version " + h.formatVersion + " is newer than this muse4j ("
                    + LibraryVersion.get() + ") reads (" + FORMAT_VERSION + "); upgrade muse4j");
        }
        return h;
    }

    /** A header: format and library versions, the model's kind and config, tokenizer, vocabulary and summary. */
    static byte[] header(String kind, Map<String, Number> config, Map<String, String> tokenizer,
                         List<String> vocabulary, Map<String, String> training) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "muse4j-model");
            g.writeNumberField("formatVersion", FORMAT_VERSION);
            g.writeStringField("libraryVersion", LibraryVersion.get());
            g.writeStringField("kind", kind);
            g.writeObjectFieldStart("config");
            for (Map.Entry<String, Number> value : config.entrySet()) {
                if (value.getValue() instanceof Double d) {
                    g.writeNumberField(value.getKey(), d);
                } else {
                    g.writeNumberField(value.getKey(), value.getValue().intValue());
                }
            }
            g.writeEndObject();
            writeStrings(g, "tokenizer", tokenizer);
            g.writeArrayFieldStart("vocabulary");
            for (String token : vocabulary) {
                g.writeString(token);
            }
            g.writeEndArray();
            writeStrings(g, "training", new TreeMap<>(training));
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void writeStrings(JsonGenerator g, String field, Map<String, String> values) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : values.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** The parsed header. */
    public static final class Header {
        private int formatVersion;
        private String libraryVersion = "unknown";
        private String kind;
        private final Map<String, Number> config = new LinkedHashMap<>();
        private final List<String> vocabulary = new ArrayList<>();
        private final Map<String, String> training = new LinkedHashMap<>();
        private final Map<String, String> tokenizer = new LinkedHashMap<>();

        /** The model's kind as the file names it, such as {@code token-lstm} or {@code vae-flat}. */
        public String kind() {
            return String.valueOf(kind);
        }

        /** The model's config as named numbers. */
        public Map<String, Number> config() {
            return Collections.unmodifiableMap(config);
        }

        /** The names of the token ids. */
        public List<String> vocabulary() {
            return Collections.unmodifiableList(vocabulary);
        }

        /** What training recorded. */
        public Map<String, String> training() {
            return Collections.unmodifiableMap(training);
        }

        /** The tokenizer's spec. */
        public Map<String, String> tokenizer() {
            return Collections.unmodifiableMap(tokenizer);
        }

        /** The muse4j version that wrote the file. */
        public String libraryVersion() {
            return libraryVersion;
        }

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
                        config.put(key, p.getNumberValue());
                    }
                }
                case "vocabulary" -> readVocabulary(p);
                case "training" -> readStrings(p, training);
                case "tokenizer" -> readStrings(p, tokenizer);
                default -> p.skipChildren();
            }
        }

        /** Fails on anything but an array of strings: an object there once read to the end and on forever. */
        private void readVocabulary(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw new IOException("its vocabulary is not an array of strings");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    throw new IOException("its vocabulary holds " + (t == null ? "the end of the header" : t)
                            + " where a string should be");
                }
                vocabulary.add(p.getText());
            }
        }

        private static void readStrings(JsonParser p, Map<String, String> into) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                into.put(key, p.getText());
            }
        }
    }
}
