package io.muse4j.models.file;

import io.muse4j.models.gan.crnngan.CrnnGan;
import io.muse4j.models.gan.crnngan.CrnnGanConfig;
import io.muse4j.models.gan.midinet.MidiNet;
import io.muse4j.models.gan.midinet.MidiNetConfig;
import io.muse4j.models.lm.PianoRollModel;
import io.muse4j.models.lm.SequenceModel;
import io.muse4j.models.lm.TokenModel;
import io.muse4j.models.nn.StackConfig;
import io.muse4j.models.vae.MusicVae;
import io.muse4j.models.vae.VaeConfig;
import io.muse4j.models.vae.VaeFile;
import io.muse4j.models.vae.VaeObjective;
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
    private static final String VAE_KIND_PREFIX = "vae-";

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

    /** Loads a model. */
    public static SavedModel load(Path file) throws IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    /** {@link #load(Path)} from a stream, such as a bundled resource; {@code name} names it in errors. */
    public static SavedModel load(java.io.InputStream in, String name) throws IOException {
        Contents contents = contents(in, name);
        Header h = contents.header();
        if (h.isVae()) {
            throw new ModelFileException(name, "is a MusicVAE (" + h.kind + "); use it with sample, interpolate, "
                    + "reconstruct, attribute or eval");
        }
        return new SavedModel(contents.model(), h.tokenizer, h.vocabulary, h.training, h.libraryVersion);
    }

    /** A model file's entries, checksum checked, and its parsed header; {@code name} names it in errors. */
    public record Contents(Map<String, byte[]> entries, Header header, String name) {
        /** The model the header describes, holding the file's weights. */
        public StoredModel model() throws ModelFileException {
            StoredModel model;
            try {
                model = fresh(header);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ModelFileException(name, "bad model config " + header.config + ": " + e.getMessage());
            }
            if (model == null) {
                throw new ModelFileException(name, "unknown model kind '" + header.kind + "'");
            }
            NamedArrays.assign(model.weights(), NamedArrays.read(entries.get("weights.bin"), name), name);
            return model;
        }

        /** The entry's named arrays, or an empty map when the file has no such entry. */
        public Map<String, INDArray> arrays(String entry) throws ModelFileException {
            return entries.containsKey(entry) ? NamedArrays.read(entries.get(entry), name) : Map.of();
        }
    }

    /** The checked entries and header of a model file read from a stream. */
    public static Contents contents(java.io.InputStream in, String name) throws IOException {
        Map<String, byte[]> entries = entries(in, name);
        return new Contents(entries, header(entries, name), name);
    }

    /** A model of the kind and config a header describes, with fresh weights; null for an unknown kind. */
    private static StoredModel fresh(Header h) {
        String kind = String.valueOf(h.kind);
        if (CrnnGan.KIND.equals(kind)) {
            return new CrnnGan(CrnnGanConfig.of(h.config), 0);
        }
        if (MidiNet.KIND.equals(kind)) {
            return new MidiNet(MidiNetConfig.of(h.config), 0);
        }
        if (h.isVae()) {
            double beta = Double.parseDouble(h.training.getOrDefault("beta", "1"));
            return new MusicVae(VaeConfig.of(kind, h.config), VaeObjective.of(beta), 0);
        }
        return sequenceModel(kind, h.config);
    }

    /** The token or piano-roll model a header describes, with fresh weights; null for an unknown kind. */
    private static SequenceModel sequenceModel(String kind, Map<String, Number> config) {
        String[] parts = kind.split("-", 2);
        if (parts.length != 2 || !List.of("token", "pianoroll").contains(parts[0])
                || !List.of("lstm", "transformer").contains(parts[1])) {
            return null;
        }
        StackConfig stack = StackConfig.of(parts[1], config);
        return parts[0].equals("token") ? new TokenModel(stack, 0) : new PianoRollModel(stack, 0);
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

    /** Whether a model file holds a MusicVAE (see {@link VaeFile}). */
    public static boolean isVae(Path file) throws IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return contents(in, file.toString()).header().isVae();
        }
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
        int formatVersion;
        public String libraryVersion = "unknown";
        public String kind;
        final Map<String, Number> config = new LinkedHashMap<>();
        public final List<String> vocabulary = new ArrayList<>();
        public final Map<String, String> training = new LinkedHashMap<>();
        public final Map<String, String> tokenizer = new LinkedHashMap<>();

        /** Whether the file holds a MusicVAE. */
        public boolean isVae() {
            return String.valueOf(kind).startsWith(VAE_KIND_PREFIX);
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
                case "vocabulary" -> {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        vocabulary.add(p.getText());
                    }
                }
                case "training" -> readStrings(p, training);
                case "tokenizer" -> readStrings(p, tokenizer);
                default -> p.skipChildren();
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
