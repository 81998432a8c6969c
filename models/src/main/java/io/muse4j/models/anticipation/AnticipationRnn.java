package io.muse4j.models.anticipation;

import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.models.file.StoredModel;
import io.muse4j.models.kind.ChoraleRegenerator;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.nn.DenseLayer;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.nn.LstmLayers;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.nn.Softmax;
import io.muse4j.models.sampling.GenerationRequest;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Anticipation-RNN (Hadjeres & Nielsen, "Anticipation-RNN: enforcing unary constraints in sequence generation, with
 * application to interactive music generation", 2017) over four-part chorales. The four parts are serialised step by
 * step (soprano, alto, tenor, bass at each grid step), each token one part's symbol ({@link ChoraleParts}: a pitch, a
 * rest or a hold) in a joint vocabulary. A constraint sequence runs beside the tokens: at each position a token that
 * must be there, or none. A constraint LSTM reads the constraints backwards, from the end to each position, so that
 * its output there knows every constraint still to come; a token LSTM reads the tokens before the position, the
 * position's place (part, and step within the beat) and that output, and a softmax over the position's part's
 * symbols gives the token. Generation runs left to right and anticipates constraints anywhere in the future.
 */
public final class AnticipationRnn implements StoredModel, ChoraleRegenerator {
    /** The model files' name for the kind. */
    public static final String KIND = "anticipation";

    static {
        Nd4jSetup.configure();
    }

    private final int stepsPerQuarter;
    private final ChoraleParts parts;
    private final int[] offsets = new int[ChoraleParts.COUNT];
    private final int vocabulary;
    private final LstmConfig shape;
    private final LstmLayers constraintLayers;
    private final LstmLayers tokenLayers;
    private final DenseLayer out;

    /** A model on a grid of {@code stepsPerQuarter}, with {@code layers} of {@code hidden} units in each LSTM. */
    AnticipationRnn(int stepsPerQuarter, ChoraleParts parts, int hidden, int layers, double dropout, long seed) {
        if (stepsPerQuarter < 1) {
            throw new IllegalArgumentException("Anticipation-RNN needs a grid, not " + stepsPerQuarter);
        }
        this.stepsPerQuarter = stepsPerQuarter;
        this.parts = parts;
        int size = 0;
        for (int p = 0; p < ChoraleParts.COUNT; p++) {
            offsets[p] = size;
            size += parts.symbols(p);
        }
        vocabulary = size;
        shape = new LstmConfig(vocabulary + 1, placeWidth(), hidden, layers, dropout);
        Random random = new Random(seed);
        constraintLayers = new LstmLayers(shape, placeWidth(), random, DataType.FLOAT);
        tokenLayers = new LstmLayers(shape, placeWidth() + hidden, random, DataType.FLOAT);
        out = DenseLayer.of("out", hidden, vocabulary, false, random, DataType.FLOAT);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Number> configValues() {
        Map<String, Number> config = new LinkedHashMap<>();
        config.put("stepsPerQuarter", stepsPerQuarter);
        config.put("hidden", shape.hidden());
        config.put("layers", shape.layers());
        config.put("dropout", shape.dropout());
        parts.putConfig(config);
        return config;
    }

    /** The model a header's config describes. */
    static AnticipationRnn of(Map<String, Number> config) {
        return new AnticipationRnn(config.get("stepsPerQuarter").intValue(), ChoraleParts.ofConfig(config),
                config.get("hidden").intValue(), config.get("layers").intValue(),
                config.get("dropout").doubleValue(), 0);
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> all = new LinkedHashMap<>();
        constraintLayers.weights().forEach((name, w) -> all.put("constraint_" + name, w));
        tokenLayers.weights().forEach((name, w) -> all.put("token_" + name, w));
        out.putWeights(all);
        return all;
    }

    @Override
    public int stepsPerQuarter() {
        return stepsPerQuarter;
    }

    ChoraleParts parts() {
        return parts;
    }

    int hidden() {
        return shape.hidden();
    }

    int layers() {
        return shape.layers();
    }

    /** The joint id of a part's symbol. */
    int token(int part, int symbol) {
        return offsets[part] + symbol;
    }

    /** Where a part's symbols start among the joint ids. */
    int offset(int part) {
        return offsets[part];
    }

    /**
     * Width of a position's own inputs: a one-hot token or constraint (the joint vocabulary plus one for "start" or
     * "none"), the part, and the step's place in its beat.
     */
    int placeWidth() {
        return vocabulary + 1 + ChoraleParts.COUNT + stepsPerQuarter;
    }

    /** The indices of a position's ones among its own inputs: {@code token} (-1: start or none), part and beat. */
    void place(int token, int position, int startStep, float[] row, int from) {
        int part = position % ChoraleParts.COUNT;
        int step = startStep + position / ChoraleParts.COUNT;
        row[from + (token < 0 ? vocabulary : token)] = 1;
        row[from + vocabulary + 1 + part] = 1;
        row[from + vocabulary + 1 + ChoraleParts.COUNT + Math.floorMod(step, stepsPerQuarter)] = 1;
    }

    /** The forward arrays of a batch, for its loss and its backward pass. */
    private record Pass(LstmLayers.Pass constraintPass, LstmLayers.Pass tokenPass, DenseLayer.Pass outPass) {
    }

    private Pass forward(Windows batch, long dropoutSeed, boolean dropout) {
        int b = batch.size();
        int t = batch.length();
        INDArray constraintRows = rows(batch.constraintRows(this));
        INDArray reversedIn = LstmLayers.timeReversed(constraintRows, b, t);
        LstmLayers.Pass constraintPass = dropout ? constraintLayers.forwardWithDropout(reversedIn, b, t, dropoutSeed)
                : constraintLayers.forward(reversedIn, b, t);
        INDArray anticipated = LstmLayers.timeReversed(constraintPass.top(), b, t);
        INDArray tokenRows = Nd4j.hstack(rows(batch.tokenRows(this)), anticipated);
        LstmLayers.Pass tokenPass = dropout ? tokenLayers.forwardWithDropout(tokenRows, b, t, dropoutSeed + 1)
                : tokenLayers.forward(tokenRows, b, t);
        return new Pass(constraintPass, tokenPass, out.forward(tokenPass.top()));
    }

    /** Input rows of {@link #placeWidth()} as a matrix. */
    private INDArray rows(float[] data) {
        return Nd4j.create(data, new long[] {data.length / placeWidth(), placeWidth()}, 'c');
    }

    /** The log-probability of every token of the batch ([sequence][position]), without dropout. */
    double[][] logLikelihoods(Windows batch) {
        float[][] logits = forward(batch, 0, false).outPass().y().toFloatMatrix();
        double[][] logP = new double[batch.size()][batch.length()];
        for (int s = 0; s < batch.size(); s++) {
            for (int t = 0; t < batch.length(); t++) {
                logP[s][t] = logProbability(logits[t * batch.size() + s], t, batch.tokens()[s][t], 0, null);
            }
        }
        return logP;
    }

    /**
     * The summed cross-entropy of every token of the batch, with training dropout drawn from {@code dropoutSeed};
     * the gradients of it times {@code scale} go into {@code gradients}.
     */
    double lossAndGradients(Windows batch, long dropoutSeed, double scale, Map<String, INDArray> gradients) {
        Pass pass = forward(batch, dropoutSeed, true);
        float[][] logits = pass.outPass().y().toFloatMatrix();
        float[][] dLogits = new float[logits.length][vocabulary];
        double loss = 0;
        for (int s = 0; s < batch.size(); s++) {
            for (int t = 0; t < batch.length(); t++) {
                int row = t * batch.size() + s;
                loss -= logProbability(logits[row], t, batch.tokens()[s][t], scale, dLogits[row]);
            }
        }
        int b = batch.size();
        int t = batch.length();
        INDArray dTop = out.backward(pass.outPass(), Nd4j.createFromArray(dLogits), gradients);
        Map<String, INDArray> own = new LinkedHashMap<>();
        INDArray dTokenRows = tokenLayers.backward(pass.tokenPass(), dTop, own, true);
        own.forEach((name, g) -> gradients.put("token_" + name, g));
        INDArray dAnticipated = dTokenRows.get(NDArrayIndex.all(), NDArrayIndex.interval(placeWidth(),
                placeWidth() + shape.hidden())).dup('c');
        own.clear();
        constraintLayers.backward(pass.constraintPass(), LstmLayers.timeReversed(dAnticipated, b, t), own, false);
        own.forEach((name, g) -> gradients.put("constraint_" + name, g));
        return loss;
    }

    /**
     * The log-probability of a token at a position among its part's symbols; unless {@code dLogits} is null,
     * {@code weight} times the gradient of its negative goes there.
     */
    private double logProbability(float[] logits, int position, int token, double weight, float[] dLogits) {
        int part = position % ChoraleParts.COUNT;
        int from = offsets[part];
        int count = parts.symbols(part);
        double[] z = new double[count];
        for (int k = 0; k < count; k++) {
            z[k] = logits[from + k];
        }
        double[] dz = dLogits == null ? null : new double[count];
        double logP = Softmax.logProbability(z, 0, count, token - from, weight, dz);
        if (dz != null) {
            for (int k = 0; k < count; k++) {
                dLogits[from + k] = (float) dz[k];
            }
        }
        return logP;
    }

    /** The layers' weights as arrays, for drawing one token at a time ({@link Anticipation}). */
    Map<String, INDArray> constraintWeights() {
        return constraintLayers.weights();
    }

    Map<String, INDArray> tokenWeights() {
        return tokenLayers.weights();
    }

    DenseLayer output() {
        return out;
    }

    /** Left to right with the fixed cells as constraints, each forced where it stands ({@link Anticipation}). */
    @Override
    public VoiceRoll regenerate(VoiceRoll roll, boolean[][] free, GenerationRequest.Sampling sampling,
                                boolean rules) {
        return Anticipation.draw(this, roll, free, RequestException.checked(() -> sampling.sampler(0)), rules, true)
                .roll();
    }
}
