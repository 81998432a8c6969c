package io.muse4j.models.vae;

import io.muse4j.corpora.batch.MelodyWindows;
import io.muse4j.corpora.batch.VaeBatches;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import io.muse4j.models.training.TrainingRun;
import io.muse4j.core.score.Check;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.Splits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link MusicVae} on a MIDI corpus end to end: load, split by the seed, transpose, cut into bar windows of
 * the melody encoding ({@link MelodyWindows}), train with checkpoints, then compute the attribute vectors on the
 * training windows and save everything in one {@link VaeFile}.
 */
public final class VaeTraining {
    /** At most this many held-out windows, drawn by the seed, are validated on. */
    public static final int MAX_VALIDATION_WINDOWS = 512;
    /** At most this many training windows, drawn by the seed, give the attribute vectors. */
    public static final int MAX_ATTRIBUTE_WINDOWS = 4096;

    /**
     * What to train.
     *
     * @param data the corpus, its melody encoding, the split and the transposition
     * @param model the VAE's shape (its vocabulary size comes from the encoding)
     * @param objective the loss's settings
     * @param batch windows per batch
     * @param trainer the trainer's settings
     * @param seed seeds the split, the batch order, z's noise and the initial weights
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(TrainingRequest.Data data, VaeConfig model, VaeObjective objective, int batch,
                          TrainerConfig trainer, long seed, Path out) {
        public Request {
            Check.atLeast("batch size", batch, 1);
            Check.range("transposition", data.transpose(), 0, 24);
            melody(data.encoding());
        }
    }

    private VaeTraining() {
    }

    /** The melody tokenizer an encoding spec names; fails for any other encoding. */
    public static MelodyTokenizer melody(EncodingSpec encoding) {
        if (!(encoding instanceof EncodingSpec.Melody melody)) {
            throw new IllegalArgumentException("a MusicVAE learns the melody encoding, not '" + encoding.name() + "'");
        }
        return melody.codec();
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        TrainingRequest.Data data = request.data();
        MelodyTokenizer tokenizer = melody(data.encoding());
        VaeConfig shape = request.model();
        MelodyWindows cutter = new MelodyWindows(tokenizer, shape.bars(), shape.stepsPerBar());
        Splits splits = TrainingRun.split(data, request.seed(), log);
        MelodyWindows.Extraction train = cutter.extract(
                TrainingRun.augmented(splits.train(), data.transpose(), 0));
        MelodyWindows.Extraction valid = cutter.extract(scores(splits.valid()));
        log.printf(Locale.ROOT, "%s: training %s%n%s: validation %s%n", data.corpus(), train.report(),
                data.corpus(), valid.report());
        VaeConfig config = new VaeConfig(tokenizer.vocabulary().size(), shape.embedding(), shape.hidden(),
                shape.layers(), shape.latent(), shape.bars(), shape.stepsPerBar(), shape.decoder());
        MusicVae model = new MusicVae(config, request.objective(), request.seed());
        VaeBatches batches = new VaeBatches(train.windows(), request.batch(), request.seed());
        List<int[][]> validBatches = valid.windows().isEmpty() ? List.of()
                : new VaeBatches(drawn(valid.windows(), MAX_VALIDATION_WINDOWS, request.seed()), request.batch(),
                request.seed()).epoch();
        Trainer.Result result = TrainingRun.train(request.trainer(), request.out(), model, batches::batch,
                batches.batchesPerEpoch(), validBatches, resume, log);
        List<int[]> attributeWindows = drawn(cutter.extract(scores(splits.train())).windows(),
                MAX_ATTRIBUTE_WINDOWS, request.seed());
        log.printf(Locale.ROOT, "attribute vectors from %,d training windows%n", attributeWindows.size());
        Map<MelodyAttribute, double[]> attributes = LatentSpace.attributeVectors(model, attributeWindows, tokenizer);
        VaeFile.save(request.out(), model, data.encoding().fields(), tokenizer.vocabulary().names(),
                summary(request, splits, result), attributes);
        return result;
    }

    private static List<NoteSequence> scores(List<CorpusItem> items) {
        return items.stream().map(CorpusItem::score).toList();
    }

    /** At most {@code limit} of the windows, drawn by the seed. */
    static List<int[]> drawn(List<int[]> windows, int limit, long seed) {
        if (windows.size() <= limit) {
            return windows;
        }
        List<int[]> shuffled = new ArrayList<>(windows);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.subList(0, limit);
    }

    private static Map<String, String> summary(Request request, Splits splits, Trainer.Result result) {
        TrainingRequest.Data data = request.data();
        Map<String, String> summary = TrainingRun.summary(data, splits, request.seed(), request.batch());
        summary.put("beta", Double.toString(request.objective().beta()));
        summary.put("betaWarmupSteps", Long.toString(request.objective().betaWarmupSteps()));
        summary.put("freeBits", Double.toString(request.objective().freeBits()));
        summary.put("samplingRate", Double.toString(request.objective().samplingRate()));
        summary.put("steps", Long.toString(result.steps()));
        summary.put("stoppedEarly", Boolean.toString(result.stoppedEarly()));
        summary.put("validationLossPerToken", Double.toString(result.bestValidationLoss()));
        return summary;
    }
}
