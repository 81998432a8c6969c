package io.muse4j.cli;

import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.models.kind.Setting;
import io.muse4j.models.kind.TrainingOutcome;
import io.muse4j.models.training.Checkpoint;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The options every kind of model trains with: the corpus, the schedule, the split, the seed and the output. */
final class TrainingOptions {
    /** The share of the peak learning rate that the cosine schedule ends at. */
    private static final double FINAL_LEARNING_RATE_FRACTION = 0.1;

    @Option(names = "--corpus", required = true, paramLabel = "PATH",
            description = "MIDI folder, list file, MIDI file or piano-roll JSON file.")
    Path corpus;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL", description = "Model file to write.")
    Path out;

    @Option(names = "--batch", defaultValue = "32", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--steps", defaultValue = "2000", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "100", description = "Warmup steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--clip", defaultValue = "5.0", description = "Gradient clip norm, 0 for none (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--val-every", defaultValue = "100", description = "Steps between validations (default: ${DEFAULT-VALUE}).")
    int valEvery;

    @Option(names = "--checkpoint-every", defaultValue = "100",
            description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--patience", defaultValue = "0",
            description = "Validations without improvement before stopping; 0 never stops (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--valid-fraction", defaultValue = "0.1", description = "Held-out share (default: ${DEFAULT-VALUE}).")
    double validFraction;

    @Option(names = "--train-on-valid", description = "Train on the validation pieces too: for a final model whose "
            + "steps and settings were chosen on a run without it (validation still scores those pieces, so it "
            + "measures fit, not generalisation).")
    boolean trainOnValid;

    @Option(names = "--transpose", defaultValue = "0",
            description = "Augment by transpositions up to this many semitones (default: ${DEFAULT-VALUE}).")
    int transpose;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of split, batches and weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Continue from MODEL.ckpt.")
    boolean resume;

    @Option(names = "--overwrite", description = "Start afresh over an existing MODEL and MODEL.ckpt.")
    boolean overwrite;

    /** The most steps, and so warmup steps and steps between validations or checkpoints: 100 million. */
    static final int MAX_STEPS = 100_000_000;
    /** The most sequences a batch may hold. */
    static final int MAX_BATCH = 4096;

    /** Refuses every numeric option outside its range (NaN included) with a usage error naming it. */
    void checkRanges() {
        Setting.checkRange("--batch", batch, 1, MAX_BATCH);
        Setting.checkRange("--lr", lr, Double.MIN_VALUE, 1);
        Setting.checkRange("--steps", steps, 1, MAX_STEPS);
        Setting.checkRange("--warmup", warmup, 0, MAX_STEPS);
        Setting.checkRange("--clip", clip, 0, 1e6);
        Setting.checkRange("--val-every", valEvery, 1, MAX_STEPS);
        Setting.checkRange("--checkpoint-every", checkpointEvery, 1, MAX_STEPS);
        Setting.checkRange("--patience", patience, 0, 1_000_000);
        Setting.checkRange("--valid-fraction", validFraction, 0, Math.nextDown(1.0));
        Setting.checkRange("--transpose", transpose, 0, 24);
    }

    /** The request these options make, with the kind's encoding (null for none) and piano-roll grid. */
    TrainingRequest request(EncodingSpec encoding, PianoRollCodec rolls) {
        checkRanges();
        TrainerConfig schedule;
        try {
            schedule = new TrainerConfig(steps, lr, warmup, FINAL_LEARNING_RATE_FRACTION, clip, valEvery,
                    checkpointEvery, patience);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new TrainingRequest(new TrainingRequest.Data(corpus, encoding, rolls, validFraction, transpose,
                trainOnValid),
                schedule, batch, seed, out, resume, System.err);
    }

    /** A fresh run would replace a trained model or a checkpoint, so it must be asked for by name. */
    void refuseToOverwrite() {
        if (resume && overwrite) {
            throw new UsageException("--resume and --overwrite exclude each other");
        }
        Path checkpoint = Checkpoint.beside(out);
        Path existing = Files.exists(out) ? out : Files.exists(checkpoint) ? checkpoint : null;
        if (!resume && !overwrite && existing != null) {
            throw new UsageException(existing + " exists: --resume continues that run, --overwrite starts afresh");
        }
        if (resume && Files.exists(out) && !Files.exists(checkpoint)) {
            throw new UsageException(out + " has no checkpoint " + checkpoint.getFileName()
                    + " to resume from: --overwrite starts afresh");
        }
    }

    /**
     * The run's one-line summary: "OUT: 30 steps, training loss 1.2345, best validation NLL 1.3456 nats per token",
     * saying instead when a resumed run had no step left or no validation ran.
     */
    String summary(TrainingOutcome outcome) {
        Trainer.Result result = outcome.result();
        String last = result.stepsThisRun() == 0 ? " (already finished: nothing left to train)"
                : String.format(Locale.ROOT, ", %s loss %.4f", outcome.loss(), result.lastLoss());
        String best = Double.isNaN(result.bestValidationLoss()) ? ", no validation ran"
                : String.format(Locale.ROOT, ", best validation %s %.4f%s", outcome.validation(),
                result.bestValidationLoss(), outcome.unit());
        return String.format(Locale.ROOT, "%s: %d steps%s%s%s", out, result.steps(), last, best,
                result.stoppedEarly() ? " (stopped early)" : "");
    }
}
