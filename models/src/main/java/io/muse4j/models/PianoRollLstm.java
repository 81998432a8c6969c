package io.muse4j.models;

import io.muse4j.core.token.PianoRollCodec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The polyphonic piano-roll LSTM of the frame-level benchmarks (Boulanger-Lewandowski et al. 2012; Bai et al.
 * 2018): each frame's 88 keys go in as 0/1, stacked LSTM layers follow, and 88 sigmoid outputs give each key's
 * probability of sounding in the next frame, independently given the past.
 *
 * <p>The loss is the negative log-likelihood in nats per frame: the binary cross-entropy summed over the 88 keys,
 * averaged over the frames the mask marks.
 */
public final class PianoRollLstm implements LstmModel, Trainable<FrameBatches.Batch> {
    static final String FRAMES = "frames";
    static final String TARGETS = "targets";
    static final String MASK = "mask";
    static final String LOSS = "loss";
    static final String LOGITS = "logits";
    private static final int KEYS = PianoRollCodec.KEYS;

    static {
        CpuThreads.configure();
    }

    private final LstmConfig config;
    private final SameDiff sd = SameDiff.create();
    private final LstmStack stack;
    private final int batch;
    private final int steps;
    private final long seed;

    /**
     * A model with weights drawn from {@code seed}, as a graph for batches of {@code batch} windows of
     * {@code steps} frames. The config's vocabulary and embedding sizes must both be 88.
     */
    public PianoRollLstm(LstmConfig config, int batch, int steps, long seed) {
        if (config.vocabularySize() != KEYS || config.embedding() != KEYS) {
            throw new IllegalArgumentException("a piano-roll LSTM takes and gives 88 keys, not "
                    + config.vocabularySize() + " and " + config.embedding());
        }
        this.config = config;
        this.batch = batch;
        this.steps = steps;
        this.seed = seed;
        this.stack = new LstmStack(sd, config, batch, steps);
        build(new Random(seed));
    }

    /** The shape of a piano-roll LSTM. */
    public static LstmConfig config(int hidden, int layers, double dropout) {
        return new LstmConfig(KEYS, KEYS, hidden, layers, dropout);
    }

    /** The same model (a copy of its weights) as a graph for batches of another shape. */
    public PianoRollLstm withBatchShape(int newBatch, int newSteps) {
        PianoRollLstm copy = new PianoRollLstm(config, newBatch, newSteps, seed);
        weights().forEach((name, w) -> copy.sd.getVariable(name).getArr().assign(w));
        return copy;
    }

    @Override
    public LstmConfig config() {
        return config;
    }

    private void build(Random random) {
        int h = config.hidden();
        SDVariable frames = sd.placeHolder(FRAMES, DataType.FLOAT, batch * steps, KEYS);
        SDVariable y = sd.placeHolder(TARGETS, DataType.FLOAT, batch * steps, KEYS);
        SDVariable mask = sd.placeHolder(MASK, DataType.FLOAT, batch * steps);
        SDVariable x = sd.permute(sd.reshape(frames, batch, steps, KEYS), 1, 0, 2);        // (T, B, 88)
        SDVariable hidden = stack.sequence(x, KEYS, random);                              // (B*T, H)
        // a key sounds in about 4 of 88 places: start the output there rather than at one half
        SDVariable z = hidden.mmul(sd.var("sigmoid_w", LstmStack.init(random, 1 / Math.sqrt(h), h, KEYS)))
                .add(LOGITS, sd.var("sigmoid_b", Nd4j.valueArrayOf(new long[] {KEYS}, -3f)));
        // binary cross-entropy from logits, stable for any z: max(z, 0) - z*y + log(1 + exp(-|z|))
        SDVariable perKey = sd.nn().relu(z, 0).sub(z.mul(y)).add(sd.math().log1p(sd.math().exp(sd.math().abs(z).neg())));
        SDVariable perFrame = perKey.sum(1).mul(mask);                                     // (B*T)
        perFrame.sum().div(LOSS, mask.sum().add(1e-9));
        sd.setLossVariables(LOSS);
    }

    /** The names of the trainable arrays, in a fixed order. */
    public List<String> weightNames() {
        List<String> names = new ArrayList<>(LstmStack.weightNames(config.layers()));
        names.addAll(List.of("sigmoid_w", "sigmoid_b"));
        return names;
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (String name : weightNames()) {
            weights.put(name, sd.getVariable(name).getArr());
        }
        return weights;
    }

    @Override
    public LossAndGradients lossAndGradients(FrameBatches.Batch batch, long step) {
        Map<String, INDArray> feeds = feeds(batch);
        stack.feedDropout(feeds, seed * 1_000_003L + Arrays.hashCode(batch.inputs()));
        return GraphRuns.lossAndGradients(sd, feeds, LOSS, weightNames());
    }

    @Override
    public double loss(FrameBatches.Batch batch) {
        Map<String, INDArray> feeds = feeds(batch);
        stack.feedNoDropout(feeds);
        return GraphRuns.output(sd, feeds, LOSS).getDouble(0);
    }

    @Override
    public int targets(FrameBatches.Batch batch) {
        return batch.frames();
    }

    /** Each key's logit (B*T, 88) of sounding in the next frame. */
    public INDArray logits(FrameBatches.Batch batch) {
        Map<String, INDArray> feeds = new HashMap<>(Map.of(FRAMES, input(batch.inputs())));
        stack.feedNoDropout(feeds);
        return GraphRuns.output(sd, feeds, LOGITS);
    }

    /**
     * Summed NLL over the counted frames, their number, and the key counts of predictions thresholded at one half
     * (for the frame accuracy TP / (TP + FP + FN) of Bay et al. 2009).
     */
    public record Evaluation(double nll, long frames, long truePositives, long falsePositives, long falseNegatives) {
        /** This evaluation plus another. */
        public Evaluation plus(Evaluation o) {
            return new Evaluation(nll + o.nll, frames + o.frames, truePositives + o.truePositives,
                    falsePositives + o.falsePositives, falseNegatives + o.falseNegatives);
        }

        /** NLL in nats per frame. */
        public double nllPerFrame() {
            return nll / frames;
        }

        /** Frame-level accuracy, TP / (TP + FP + FN). */
        public double accuracy() {
            long all = truePositives + falsePositives + falseNegatives;
            return all == 0 ? 1 : (double) truePositives / all;
        }
    }

    /** The model's NLL and accuracy on a batch. */
    public Evaluation evaluate(FrameBatches.Batch batch) {
        float[] z = logits(batch).dup('c').data().asFloat();
        double nll = 0;
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int frame = 0; frame < batch.mask().length; frame++) {
            if (batch.mask()[frame] == 0) {
                continue;
            }
            for (int k = frame * KEYS; k < (frame + 1) * KEYS; k++) {
                double logit = z[k];
                boolean on = batch.targets()[k] > 0;
                nll += Math.max(logit, 0) - (on ? logit : 0) + Math.log1p(Math.exp(-Math.abs(logit)));
                boolean predicted = logit > 0;
                tp += on && predicted ? 1 : 0;
                fp += !on && predicted ? 1 : 0;
                fn += on && !predicted ? 1 : 0;
            }
        }
        return new Evaluation(nll, batch.frames(), tp, fp, fn);
    }

    private Map<String, INDArray> feeds(FrameBatches.Batch b) {
        return new HashMap<>(Map.of(FRAMES, input(b.inputs()), TARGETS, input(b.targets()),
                MASK, Nd4j.createFromArray(b.mask())));
    }

    private INDArray input(float[] keys) {
        if (keys.length != batch * steps * KEYS) {
            throw new IllegalArgumentException("a batch of " + keys.length / KEYS + " frames, but this graph takes "
                    + batch + "x" + steps);
        }
        return Nd4j.create(keys, new long[] {(long) batch * steps, KEYS}, 'c');
    }
}
