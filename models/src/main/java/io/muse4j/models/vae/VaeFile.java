package io.muse4j.models.vae;

import io.muse4j.core.token.EncodingSpec;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.file.ModelFileException;
import io.muse4j.models.kind.SavedModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MusicVae} in a {@link ModelFile} (kind {@code vae-flat} or {@code vae-hierarchical}), plus the entry
 * {@code attributes.bin}: the attribute vectors, one (1, Z) array per {@link MelodyAttribute}.
 */
public final class VaeFile {
    private static final String ATTRIBUTES = "attributes.bin";

    private VaeFile() {
    }

    /** Writes the model and its attribute vectors atomically. */
    public static void save(Path file, MusicVae model, Map<String, String> tokenizer, List<String> vocabulary,
                            Map<String, String> training, Map<MelodyAttribute, double[]> attributes)
            throws IOException {
        Map<String, INDArray> vectors = new LinkedHashMap<>();
        attributes.forEach((attribute, v) -> vectors.put(attribute.label(), Nd4j.create(new double[][] {v})));
        ModelFile.save(file, model, tokenizer, vocabulary, training, Map.of(ATTRIBUTES, vectors));
    }

    /** Loads a MusicVAE; a file holding another kind of model is a clear error. */
    public static SavedVae load(Path file) throws IOException {
        ModelFile.Contents contents = ModelFile.contents(file);
        MusicVaeKind kind = new MusicVaeKind();
        if (!kind.reads(contents.header().kind())) {
            throw new ModelFileException(contents.name(), "is a " + contents.header().kind()
                    + " model; this needs a MusicVAE (train --model vae)");
        }
        return saved(contents, contents.model(kind::rebuild));
    }

    /** A loaded MusicVAE with its attribute vectors; fails, naming the file, for another kind of model. */
    static SavedVae saved(SavedModel saved) throws ModelFileException {
        return saved(saved.contents(), saved.as(MusicVae.class, "a MusicVAE (train --model vae)"));
    }

    private static SavedVae saved(ModelFile.Contents contents, MusicVae model) throws ModelFileException {
        String name = contents.name();
        Map<MelodyAttribute, double[]> attributes = new EnumMap<>(MelodyAttribute.class);
        for (Map.Entry<String, INDArray> e : contents.arrays(ATTRIBUTES).entrySet()) {
            double[] vector = e.getValue().toDoubleVector();
            if (vector.length != model.config().latent()) {
                throw new ModelFileException(name, "attribute vector " + e.getKey() + " has " + vector.length
                        + " values for a latent of " + model.config().latent());
            }
            attributes.put(attributeOf(e.getKey(), name), vector);
        }
        ModelFile.Header h = contents.header();
        EncodingSpec encoding;
        try {
            encoding = EncodingSpec.of(h.tokenizer());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name, "bad tokenizer in the header: " + e.getMessage());
        }
        return new SavedVae(model, encoding, h.vocabulary(), h.training(), attributes, h.libraryVersion());
    }

    private static MelodyAttribute attributeOf(String label, String name) throws ModelFileException {
        try {
            return MelodyAttribute.of(label);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name, "unknown attribute vector '" + label + "'");
        }
    }
}
