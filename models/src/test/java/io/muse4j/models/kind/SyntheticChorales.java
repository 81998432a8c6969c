package io.muse4j.models.kind;

import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.midi.MidiWriter;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The chorale kinds' tests train on eight synthetic four-part pieces whose parts follow from the soprano
 * ({@code SyntheticScores.fourParts}), written as four-track MIDI into {@code DIR/chorales}, a quarter of them held
 * out, at a learning rate of 0.01 with seed 1; the model goes to {@code DIR/KIND.m4j}.
 */
public final class SyntheticChorales {
    private SyntheticChorales() {
    }

    /** Where a test's corpus lies. */
    public static Path corpus(Path dir) {
        return dir.resolve("chorales");
    }

    /** Where a test's model of a kind goes. */
    public static Path model(Path dir, String kind) {
        return dir.resolve(kind + ".m4j");
    }

    /**
     * Writes the pieces ({@code notes} notes each) and trains the kind on them.
     *
     * @param steps optimiser steps, validating every {@code validateEvery}
     * @param batch windows per batch
     * @param transpose semitones of transposition up and down
     */
    public static Trainer.Result train(Path dir, String kind, int notes, int steps, int validateEvery, int batch,
                                       int transpose, Map<String, Object> settings) throws Exception {
        Path corpus = Files.createDirectories(corpus(dir));
        for (int i = 0; i < 8; i++) {
            MidiWriter.write(SyntheticScores.fourParts(i, notes), corpus.resolve("piece-" + i + ".mid"));
        }
        TrainerConfig config = new TrainerConfig(steps, 0.01, 0, 1, 5, validateEvery, steps, 0);
        TrainingRequest request = new TrainingRequest(new TrainingRequest.Data(corpus, null,
                new EncodingSpec.PianoRoll(4).codec(), 0.25, transpose), config, batch, 1, model(dir, kind), false,
                System.err);
        return ModelKinds.named(kind).train(request, new Settings(settings)).result();
    }
}
