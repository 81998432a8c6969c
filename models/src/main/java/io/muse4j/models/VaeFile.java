package io.muse4j.models;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MusicVae} in a {@link ModelFile}: the same checksummed zip and header (kind {@code vae-flat} or
 * {@code vae-hierarchical}, the {@link VaeConfig}, tokenizer, vocabulary, training summary) and weights, plus
 * {@code attributes.bin}: the attribute vectors ({@link AttributeVectors}), one (1, Z) array per attribute.
 */
public final class VaeFile {
    private static final String ATTRIBUTES = "attributes.bin";

    private VaeFile() {
    }

    /** Writes the model and its attribute vectors atomically. */
    public static void save(Path file, MusicVae model, Map<String, String> tokenizer, List<String> vocabulary,
                            Map<String, String> training, Map<MelodyAttribute, double[]> attributes)
            throws IOException {
        if (vocabulary.size() != model.config().vocabularySize()) {
            throw new IllegalArgumentException("vocabulary of " + vocabulary.size() + " names for a model of "
                    + model.config().vocabularySize() + " ids");
        }
        Map<String, INDArray> vectors = new LinkedHashMap<>();
        attributes.forEach((attribute, v) -> vectors.put(attribute.label(), Nd4j.create(new double[][] {v})));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("header.json", ModelFile.header(model.config().kind(), model.config().values(), tokenizer,
                vocabulary, training));
        entries.put("weights.bin", NamedArrays.write(model.weights()));
        entries.put(ATTRIBUTES, NamedArrays.write(vectors));
        ChecksummedZip.write(file, entries);
    }

    /** Loads a MusicVAE; a file holding another kind of model is a clear error. */
    public static SavedVae load(Path file) throws IOException {
        String name = file.toString();
        Map<String, byte[]> entries;
        try (InputStream in = Files.newInputStream(file)) {
            entries = ModelFile.entries(in, name);
        }
        ModelFile.Header h = ModelFile.header(entries, name);
        if (!String.valueOf(h.kind).startsWith("vae-")) {
            throw new ModelFileException(name, "is a " + h.kind + " model; this needs a MusicVAE (train --model vae)");
        }
        MusicVae model;
        try {
            double beta = Double.parseDouble(h.training.getOrDefault("beta", "1"));
            model = new MusicVae(VaeConfig.of(h.kind, h.config), VaeObjective.of(beta), 0);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name, "bad model config " + h.config + ": " + e.getMessage());
        }
        NamedArrays.assign(model.weights(), NamedArrays.read(entries.get("weights.bin"), name), name);
        Map<MelodyAttribute, double[]> attributes = new EnumMap<>(MelodyAttribute.class);
        if (entries.containsKey(ATTRIBUTES)) {
            for (Map.Entry<String, INDArray> e : NamedArrays.read(entries.get(ATTRIBUTES), name).entrySet()) {
                double[] vector = e.getValue().toDoubleVector();
                if (vector.length != model.config().latent()) {
                    throw new ModelFileException(name, "attribute vector " + e.getKey() + " has " + vector.length
                            + " values for a latent of " + model.config().latent());
                }
                attributes.put(attributeOf(e.getKey(), name), vector);
            }
        }
        return new SavedVae(model, h.tokenizer, h.vocabulary, h.training, attributes, h.libraryVersion);
    }

    private static MelodyAttribute attributeOf(String label, String name) throws ModelFileException {
        try {
            return MelodyAttribute.of(label);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name, "unknown attribute vector '" + label + "'");
        }
    }
}
