package io.muse4j.models.rbm;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.score.Check;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.Splits;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.nn.Bernoulli;
import io.muse4j.models.training.ContrastiveDivergence;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import io.muse4j.models.training.TrainingRun;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains an {@link Rbm} on the frames of a corpus's piano rolls, each frame a sample on its own, in shuffled batches:
 * contrastive divergence with k Gibbs steps from the batch, or persistent chains carried from batch to batch. The
 * validation loss is the pseudo-NLL in nats per frame ({@link Rbm#pseudoNll}); the training log has an unbiased
 * estimate of it from 8 keys a batch.
 */
public final class RbmTraining {
    /** Keys a batch's logged pseudo-NLL is estimated from. */
    private static final int LOGGED_UNITS = 8;
    /** Validation frames scored at a time. */
    private static final int VALID_CHUNK = 512;

    /**
     * What to train.
     *
     * @param data the corpus, its split and transposition; its frames are read on the piano-roll grid
     * @param hidden hidden units
     * @param gibbsSteps Gibbs steps of each negative phase (the k of CD-k)
     * @param persistent whether the negative phase continues persistent chains (PCD) rather than starting at the batch
     * @param batch frames per batch
     * @param trainer the trainer's settings
     * @param seed seeds the split, the batch order, the weights and the Gibbs sampling
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(TrainingRequest.Data data, int hidden, int gibbsSteps, boolean persistent, int batch,
                          TrainerConfig trainer, long seed, Path out) {
        public Request {
            Check.atLeast("hidden units", hidden, 1);
            Check.atLeast("Gibbs steps", gibbsSteps, 1);
            Check.atLeast("batch size", batch, 1);
        }
    }

    private RbmTraining() {
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        TrainingRequest.Data data = request.data();
        PianoRollCodec rolls = data.rolls();
        Splits splits = TrainingRun.split(data, request.seed(), log);
        INDArray train = frames(rolls, TrainingRun.augmented(splits.train(), data.transpose(), 0));
        INDArray valid = frames(rolls, splits.valid().stream().map(CorpusItem::score).toList());
        if (train.rows() == 0) {
            throw new IllegalArgumentException(data.corpus() + ": no frames to train on");
        }
        log.printf(Locale.ROOT, "%s: %d frames for training, %d for validation%n", data.corpus(), train.rows(),
                valid.rows());
        Rbm rbm = new Rbm(PianoRollCodec.KEYS, request.hidden(), request.seed(), DataType.FLOAT);
        // visible biases start at the keys' log-odds in the data (Hinton's practical guide, 2010): keys the corpus
        // never sounds start far below zero instead of at a fair coin
        rbm.weights().get("visible_b").assign(Nd4j.createFromArray(Bernoulli.logOdds(train)).castTo(DataType.FLOAT));
        Batches batches = new Batches(train, request.batch(), request.seed());
        Trainer.Result result = TrainingRun.train(request.trainer(), request.out(),
                new ContrastiveDivergence(rbm, request.gibbsSteps(), request.persistent(), request.seed(),
                        (batch, random) -> rbm.pseudoNll(batch, LOGGED_UNITS, random),
                        (batch, random) -> rbm.pseudoNll(batch)),
                batches::batch, batches.perEpoch(), chunks(valid), resume, log);
        Map<String, String> summary = TrainingRun.summary(data, splits, request.seed(), request.batch());
        summary.put("gibbsSteps", Integer.toString(request.gibbsSteps()));
        summary.put("persistent", Boolean.toString(request.persistent()));
        summary.put("validationPseudoNllPerFrame", Double.toString(result.bestValidationLoss()));
        summary.put("steps", Long.toString(result.steps()));
        summary.put("stoppedEarly", Boolean.toString(result.stoppedEarly()));
        EncodingSpec encoding = new EncodingSpec.PianoRoll(rolls.grid().stepsPerQuarter());
        ModelFile.save(request.out(), rbm, encoding.fields(), rolls.vocabulary().names(), summary);
        return result;
    }

    /** Every frame of the scores' piano rolls as a row of 88 keys, 1 for sounding. */
    public static INDArray frames(PianoRollCodec codec, List<NoteSequence> scores) {
        List<float[]> rows = new ArrayList<>();
        for (NoteSequence score : scores) {
            PianoRoll roll = codec.encode(score);
            for (int f = 0; f < roll.length(); f++) {
                float[] row = new float[PianoRollCodec.KEYS];
                for (int pitch : roll.frame(f)) {
                    row[pitch - PianoRollCodec.LOWEST_PITCH] = 1;
                }
                rows.add(row);
            }
        }
        return rows.isEmpty() ? Nd4j.zeros(DataType.FLOAT, 0, PianoRollCodec.KEYS)
                : Nd4j.createFromArray(rows.toArray(float[][]::new));
    }

    private static List<INDArray> chunks(INDArray frames) {
        List<INDArray> chunks = new ArrayList<>();
        for (long from = 0; from < frames.rows(); from += VALID_CHUNK) {
            chunks.add(frames.get(NDArrayIndex.interval(from, Math.min(frames.rows(), from + VALID_CHUNK)),
                    NDArrayIndex.all()).dup());
        }
        return chunks;
    }

    /** Batches of frames in an order shuffled afresh, seeded, for each epoch. */
    private static final class Batches {
        private final INDArray frames;
        private final int size;
        private final long seed;
        private long epoch = -1;
        private int[] order;

        Batches(INDArray frames, int size, long seed) {
            this.frames = frames;
            this.size = (int) Math.min(size, frames.rows());
            this.seed = seed;
        }

        int perEpoch() {
            return (int) (frames.rows() / size);
        }

        INDArray batch(long step) {
            long wanted = step / perEpoch();
            if (wanted != epoch) {
                epoch = wanted;
                order = shuffled((int) frames.rows(), new Random(Seeds.mix(seed, epoch)));
            }
            int from = (int) (step % perEpoch()) * size;
            return frames.getRows(Arrays.copyOfRange(order, from, from + size));
        }

        private static int[] shuffled(int n, Random random) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return order;
        }
    }
}
