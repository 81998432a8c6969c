package io.muse4j.models.training;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a trained model came from: its kind, the muse4j version, the corpus and a checksum of its files, and every
 * option of the run (the trainer's schedule, the split, the seed, the batch, the augmentation, the encoding and the
 * kind's own settings), each by the option name a user types. A model file keeps it as {@code provenance.json}; a
 * run keeps it beside its checkpoint, so that a resume with other options is refused instead of mixing two runs.
 *
 * @param kind the model kind's name
 * @param libraryVersion the muse4j version that trained it
 * @param corpusSha256 SHA-256 over the corpus files' names and bytes ({@link CorpusChecksum})
 * @param corpusFiles how many files the checksum covers
 * @param options every option of the run by name ("--corpus", "--lr", "--hidden", ...), as text
 */
public record Provenance(String kind, String libraryVersion, String corpusSha256, int corpusFiles,
                         Map<String, String> options) {
    /** The model-file entry that holds it. */
    public static final String ENTRY = "provenance.json";
    private static final JsonFactory JSON = new JsonFactory();

    public Provenance {
        Objects.requireNonNull(kind, "kind");
        options = new TreeMap<>(options);
    }

    /** The options of this run that differ from {@code before}'s, as "--lr 0.002 -> 0.003", with the corpus's. */
    public List<String> changesFrom(Provenance before) {
        List<String> changes = new ArrayList<>();
        if (!kind.equals(before.kind)) {
            changes.add("model " + before.kind + " -> " + kind);
        }
        TreeMap<String, String> names = new TreeMap<>(before.options);
        names.putAll(options);
        for (String name : names.keySet()) {
            String was = before.options.get(name);
            String now = options.get(name);
            if (!Objects.equals(was, now)) {
                changes.add(String.format(Locale.ROOT, "%s %s -> %s", name, was, now));
            }
        }
        if (changes.isEmpty() && !corpusSha256.equals(before.corpusSha256)) {
            changes.add("the corpus's files (checksum " + before.corpusSha256.substring(0, 12) + " -> "
                    + corpusSha256.substring(0, 12) + ")");
        }
        return changes;
    }

    /** The provenance as JSON. */
    public byte[] toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("kind", kind);
            g.writeStringField("libraryVersion", libraryVersion);
            g.writeStringField("corpusSha256", corpusSha256);
            g.writeNumberField("corpusFiles", corpusFiles);
            g.writeObjectFieldStart("options");
            for (Map.Entry<String, String> option : options.entrySet()) {
                g.writeStringField(option.getKey(), option.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** A provenance read back from {@link #toJson()}; {@code name} names its file in errors. */
    public static Provenance fromJson(byte[] json, String name) throws IOException {
        String kind = null;
        String version = "unknown";
        String sha = "";
        int files = 0;
        Map<String, String> options = new TreeMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(name + ": provenance is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "kind" -> kind = p.getText();
                    case "libraryVersion" -> version = p.getText();
                    case "corpusSha256" -> sha = p.getText();
                    case "corpusFiles" -> files = p.getIntValue();
                    case "options" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            p.nextToken();
                            options.put(key, p.getText());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(name + ": unreadable provenance: " + e.getOriginalMessage());
        }
        if (kind == null) {
            throw new IOException(name + ": provenance names no model kind");
        }
        return new Provenance(kind, version, sha, files, options);
    }
}
