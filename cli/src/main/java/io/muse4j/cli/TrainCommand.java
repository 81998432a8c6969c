package io.muse4j.cli;

import io.muse4j.models.gan.crnngan.CrnnGanTraining;
import io.muse4j.models.lm.LanguageModelTraining;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.gan.midinet.MidiNetTraining;
import io.muse4j.models.nn.StackConfig;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.nn.TransformerConfig;
import io.muse4j.models.vae.VaeTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Trains an LSTM or a Music Transformer (a token model: Melody RNN, Performance RNN, Music Transformer; or a
 * polyphonic piano-roll model), a C-RNN-GAN or a MidiNet.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model (an LSTM, a Music Transformer, a MusicVAE, a C-RNN-GAN or a MidiNet) on a MIDI "
                + "folder, list file or MIDI file, or a piano-roll JSON split file (NAME.train.json, validated on "
                + "NAME.valid.json).",
                "--encoding pianoroll trains a polyphonic piano-roll model (88 sigmoid outputs, NLL per frame).",
                "--model crnngan trains a C-RNN-GAN on the corpus's notes (no --encoding; --seq-len counts notes).",
                "--model midinet trains a MidiNet on the corpus's 4/4 bars: melody (the highest track) and chords "
                        + "(the other tracks); --hidden is its filters per layer.",
                "A checkpoint (MODEL.ckpt) and a CSV log (MODEL.log.csv) go beside the model; --resume continues."})
final class TrainCommand implements Callable<Integer> {
    enum ModelKind { LSTM, TRANSFORMER, CRNNGAN, MIDINET, VAE }

    @Option(names = "--model", defaultValue = "LSTM",
            description = "Model: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ModelKind model;

    @Mixin
    EncodingOptions encoding;

    @Mixin
    GanOptions gan;

    @Mixin
    VaeOptions vae;

    @Option(names = "--corpus", required = true, paramLabel = "PATH",
            description = "MIDI folder, list file, MIDI file or piano-roll JSON file.")
    Path corpus;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL", description = "Model file to write.")
    Path out;

    @Option(names = "--layers", defaultValue = "2", description = "LSTM layers or transformer blocks "
            + "(default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "256", description = "LSTM units per layer, or the transformer's "
            + "width (d_model) (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--dropout", defaultValue = "0", description = "Dropout after each LSTM layer, or on the "
            + "transformer's embedding and sub-layer outputs, while training (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--embedding", defaultValue = "64", description = "LSTM embedding size; a transformer's is its "
            + "width (default: ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--heads", defaultValue = "8", description = "Transformer attention heads (default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--ffn", description = "Transformer feed-forward units (default: 4 x --hidden).")
    Integer feedForward;

    @Option(names = "--max-relative", description = "Transformer: relative distances with a learned embedding, "
            + "and the window sampling attends over (default: --seq-len).")
    Integer maxRelative;

    @Option(names = "--shared-relative", description = "Transformer: one relative embedding for all heads "
            + "(default: one per head).")
    boolean sharedRelative;

    @Option(names = "--batch", defaultValue = "32", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seq-len", defaultValue = "64", description = "Tokens per sequence (default: ${DEFAULT-VALUE}).")
    int seqLen;

    @Option(names = "--lr", defaultValue = "0.002", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--steps", defaultValue = "2000", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--epochs", defaultValue = "0", description = "Passes over the training data; overrides --steps "
            + "when above 0 (default: ${DEFAULT-VALUE}).")
    int epochs;

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

    @Option(names = "--transpose", defaultValue = "0",
            description = "Augment by transpositions up to this many semitones (default: ${DEFAULT-VALUE}).")
    int transpose;

    @Option(names = "--stretch", defaultValue = "0", description = "Augment by time-stretches of 1 - S and 1 + S, "
            + "e.g. 0.05 as Performance RNN does (default: ${DEFAULT-VALUE}).")
    double stretch;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of split, batches and weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Continue from MODEL.ckpt.")
    boolean resume;

    @Option(names = "--overwrite", description = "Start afresh over an existing MODEL and MODEL.ckpt.")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean gan = model == ModelKind.CRNNGAN || model == ModelKind.MIDINET;
        GanOptions.checkUnused(spec, gan, model == ModelKind.MIDINET);
        if (model != ModelKind.VAE) {
            VaeOptions.checkUnused(spec);
        }
        if (model != ModelKind.TRANSFORMER && (feedForward != null || maxRelative != null || sharedRelative
                || spec.commandLine().getParseResult().hasMatchedOption("--heads"))) {
            throw new UsageException("--heads, --ffn, --max-relative and --shared-relative are for --model transformer");
        }
        refuseToOverwrite();
        TrainerConfig schedule;
        try {
            schedule = new TrainerConfig(steps, lr, warmup, 0.1, clip, valEvery, checkpointEvery, patience);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (model == ModelKind.VAE) {
            return trainVae(schedule);
        }
        return gan ? trainGan(schedule) : trainSequenceModel(schedule);
    }

    /** A fresh run would replace a trained model or a checkpoint, so it must be asked for by name. */
    private void refuseToOverwrite() {
        if (resume && overwrite) {
            throw new UsageException("--resume and --overwrite exclude each other");
        }
        Path checkpoint = LanguageModelTraining.checkpointOf(out);
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
     * Prints the run's one-line summary on stdout: "OUT: 30 steps, training loss 1.2345, best validation NLL 1.3456
     * nats per token", saying instead when a resumed run had no step left or no validation ran.
     */
    private void printSummary(Trainer.Result result, String loss, String validation, String unit) {
        String last = result.stepsThisRun() == 0 ? " (already finished: nothing left to train)"
                : String.format(Locale.ROOT, ", %s loss %.4f", loss, result.lastLoss());
        String best = Double.isNaN(result.bestValidationLoss()) ? ", no validation ran"
                : String.format(Locale.ROOT, ", best validation %s %.4f%s", validation, result.bestValidationLoss(),
                unit);
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d steps%s%s%s%n", out, result.steps(), last, best,
                result.stoppedEarly() ? " (stopped early)" : "");
    }

    /** Trains an LSTM or a transformer on an encoding's tokens or frames. */
    private int trainSequenceModel(TrainerConfig schedule) throws Exception {
        LanguageModelTraining.Request request;
        try {
            request = new LanguageModelTraining.Request(corpus, encoding.spec(), shape(), batch, seqLen, schedule,
                    epochs, validFraction, transpose, stretch, seed, out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Trainer.Result result = Models.quietly(() -> LanguageModelTraining.run(request, resume, System.err));
        String unit = "pianoroll".equals(request.encoding().get("encoding")) ? "frame" : "token";
        printSummary(result, "training", "NLL", " nats per " + unit);
        return 0;
    }

    /**
     * Trains a C-RNN-GAN or a MidiNet: notes or bars, not an encoding's tokens, so --encoding, --epochs, --stretch
     * and the rest are refused (and a MidiNet's fixed shape refuses --layers, --seq-len and --d-hidden).
     */
    private int trainGan(TrainerConfig schedule) throws Exception {
        boolean midiNet = model == ModelKind.MIDINET;
        List<String> refused = midiNet ? List.of("--encoding", "--epochs", "--stretch", "--dropout", "--embedding",
                "--layers", "--seq-len", "--d-hidden") : List.of("--encoding", "--epochs", "--stretch", "--dropout",
                "--embedding");
        for (String option : refused) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new UsageException(option + " is not for --model " + model.name().toLowerCase(Locale.ROOT));
            }
        }
        Trainer.Result result;
        if (midiNet) {
            MidiNetTraining.Request request = gan.midiNetRequest(this, schedule);
            result = Models.quietly(() -> MidiNetTraining.run(request, resume, System.err));
        } else {
            CrnnGanTraining.Request request = gan.request(this, schedule);
            result = Models.quietly(() -> CrnnGanTraining.run(request, resume, System.err));
        }
        printSummary(result, "generator", "distance", "");
        return 0;
    }

    /** Trains a MusicVAE on melody windows of --bars bars. */
    private int trainVae(TrainerConfig schedule) throws Exception {
        for (String name : List.of("--seq-len", "--epochs", "--stretch", "--dropout")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                throw new UsageException(name + " is not for --model vae (its windows are --bars long)");
            }
        }
        VaeTraining.Request request;
        try {
            int stepsPerQuarter = Integer.parseInt(encoding.spec().getOrDefault("stepsPerQuarter", "4"));
            request = new VaeTraining.Request(corpus, encoding.spec(), vae.config(embedding, hidden, layers,
                    stepsPerQuarter), vae.objective(), batch, schedule, validFraction, transpose, seed, out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Trainer.Result result = Models.quietly(() -> VaeTraining.run(request, resume, System.err));
        printSummary(result, "training", "loss", " nats per token");
        return 0;
    }

    /** The stack's shape from the options; its vocabulary size is a placeholder the encoding replaces. */
    private StackConfig shape() {
        return model == ModelKind.LSTM ? new LstmConfig(2, embedding, hidden, layers, dropout)
                : new TransformerConfig(2, hidden, heads, layers, feedForward != null ? feedForward : 4 * hidden,
                maxRelative != null ? maxRelative : seqLen, sharedRelative, dropout);
    }
}
