package io.muse4j.models.crbm;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.Splits;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.nn.Bernoulli;
import io.muse4j.models.training.RollWindows;
import io.muse4j.models.training.ContrastiveDivergence;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import io.muse4j.models.training.TrainingRun;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a {@link ConvRbm} on windows of a corpus's piano rolls (the training pieces and their transpositions, a
 * window starting every quarter note) in shuffled batches, by contrastive divergence with k Gibbs steps from the
 * batch, or persistent chains. The loss is the pseudo-NLL in nats a frame ({@link ConvRbm#pseudoNll}): logged from
 * one frame of each window, validated on {@value #VALID_FRAMES} frames of each validation window, the same frames at
 * every validation.
 */
public final class ConvRbmTraining {
    /** Frames of each validation window the pseudo-NLL is estimated from. */
    static final int VALID_FRAMES = 8;
    /** Validation windows scored at a time. */
    private static final int VALID_CHUNK = 128;

    /**
     * What to train.
     *
     * @param data the corpus, its split and transposition; read on the piano-roll grid
     * @param filters hidden units a position
     * @param width steps a filter spans
     * @param window steps a training window spans
     * @param gibbsSteps Gibbs steps of each negative phase (the k of CD-k)
     * @param persistent whether the negative phase continues persistent chains (PCD)
     * @param batch windows a batch
     * @param trainer the trainer's settings
     * @param seed seeds the split, the batch order, the weights and the Gibbs sampling
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(TrainingRequest.Data data, int filters, int width, int window, int gibbsSteps,
                          boolean persistent, int batch, TrainerConfig trainer, long seed, Path out) {
        public Request {
            Check.atLeast("filters", filters, 1);
            Check.atLeast("filter width", width, 1);
            Check.atLeast("Gibbs steps", gibbsSteps, 1);
            Check.atLeast("batch size", batch, 1);
            if (window < width) {
                throw new IllegalArgumentException("--window " + window + " is narrower than a filter (--width "
                        + width + ")");
            }
        }
    }

    private ConvRbmTraining() {
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        TrainingRequest.Data data = request.data();
        PianoRollCodec codec = data.rolls();
        Splits splits = TrainingRun.split(data, request.seed(), log);
        List<PianoRoll> trainRolls = rolls(codec, TrainingRun.augmented(splits.train(), data.transpose(), 0));
        List<PianoRoll> validRolls = rolls(codec, splits.valid().stream().map(CorpusItem::score).toList());
        int window = request.window();
        RollWindows<PianoRoll> train = new RollWindows<>(trainRolls, RollWindows.FRAMES, window,
                codec.grid().stepsPerQuarter(), request.batch(), request.seed());
        List<PianoRoll> validWindows = RollWindows.of(validRolls, RollWindows.FRAMES, window, window);
        if (train.count() == 0) {
            throw new IllegalArgumentException(data.corpus() + ": no piece spans a window of " + window + " steps");
        }
        log.printf(Locale.ROOT, "%s: %,d windows of %d steps for training, %,d for validation%n", data.corpus(),
                train.count(), window, validWindows.size());
        ConvRbm model = new ConvRbm(PianoRollCodec.KEYS, request.filters(), request.width(), window, request.seed(),
                DataType.FLOAT);
        // visible biases start at the keys' log-odds in the data, as the frame RBM's do
        model.weights().get("visible_b").assign(Nd4j.createFromArray(keyLogOdds(trainRolls)).castTo(DataType.FLOAT));
        List<INDArray> valid = new ArrayList<>();
        for (int from = 0; from < validWindows.size(); from += VALID_CHUNK) {
            valid.add(batch(validWindows.subList(from, Math.min(validWindows.size(), from + VALID_CHUNK))));
        }
        Trainer.Result result = TrainingRun.train(request.trainer(), request.out(),
                new ContrastiveDivergence(model, request.gibbsSteps(), request.persistent(), request.seed(),
                        (batch, random) -> model.pseudoNll(batch, 1, random),
                        (batch, random) -> model.pseudoNll(batch, VALID_FRAMES, random)),
                step -> batch(train.batch(step)), train.perEpoch(), valid, resume, log);
        Map<String, String> summary = TrainingRun.summary(data, splits, request.seed(), request.batch());
        summary.put("gibbsSteps", Integer.toString(request.gibbsSteps()));
        summary.put("persistent", Boolean.toString(request.persistent()));
        summary.put("validationPseudoNllPerFrame", Double.toString(result.bestValidationLoss()));
        summary.put("steps", Long.toString(result.steps()));
        summary.put("stoppedEarly", Boolean.toString(result.stoppedEarly()));
        EncodingSpec encoding = new EncodingSpec.PianoRoll(codec.grid().stepsPerQuarter());
        ModelFile.save(request.out(), model, encoding.fields(), codec.vocabulary().names(), summary);
        return result;
    }

    /** Each key's log-odds of sounding in a frame of the rolls ({@link Bernoulli#logOdds}). */
    private static double[] keyLogOdds(List<PianoRoll> rolls) {
        double[] on = new double[PianoRollCodec.KEYS];
        long frames = 0;
        for (PianoRoll roll : rolls) {
            frames += roll.length();
            for (int t = 0; t < roll.length(); t++) {
                for (int pitch : roll.frame(t)) {
                    on[pitch - PianoRollCodec.LOWEST_PITCH]++;
                }
            }
        }
        return Bernoulli.logOdds(on, frames);
    }

    /** The scores' piano rolls. */
    static List<PianoRoll> rolls(PianoRollCodec codec, List<NoteSequence> scores) {
        return scores.stream().map(codec::encode).toList();
    }

    /** Windows of equal length as an array (windows, steps, 88 keys), 1 for sounding. */
    static INDArray batch(List<PianoRoll> windows) {
        int steps = windows.get(0).length();
        float[] units = new float[windows.size() * steps * PianoRollCodec.KEYS];
        for (int w = 0; w < windows.size(); w++) {
            for (int t = 0; t < steps; t++) {
                for (int pitch : windows.get(w).frame(t)) {
                    units[(w * steps + t) * PianoRollCodec.KEYS + pitch - PianoRollCodec.LOWEST_PITCH] = 1;
                }
            }
        }
        return Nd4j.create(units, new long[] {windows.size(), steps, PianoRollCodec.KEYS}, 'c');
    }
}
