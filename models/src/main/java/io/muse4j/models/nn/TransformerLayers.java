package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The decoder-only transformer of the Music Transformer (Huang et al. 2018), its passes written out over ND4J arrays
 * like {@link LstmLayers}: pre-norm blocks of causal multi-head self-attention with relative position embeddings
 * ({@link RelativeAttention}) and a ReLU feed-forward layer, each added to the residual rows, and a final layer
 * normalisation. There are no absolute positions: the relative embeddings carry all the order. Dropout applies to
 * the input rows and to each sub-layer's output, with masks drawn from the given seed.
 *
 * <p>Weights per block {@code i}: {@code tf<i>_ln1_g/_b}, {@code _qkv_w/_b} (width, 3 * width: queries, keys, values,
 * head after head within each), {@code _rel} (relative embedding rows, maxRelative per head or shared),
 * {@code _out_w/_b}, {@code _ln2_g/_b}, {@code _ff1_w/_b}, {@code _ff2_w/_b}; then {@code tf_lnf_g/_b}.
 * The residual projections start scaled by 1 / sqrt(2 * layers) (as GPT-2 does), so deep stacks start stable.
 */
public final class TransformerLayers implements SequenceStack {
    /** Every product spans a shard's positions (sequences x steps): this many keep them near peak. */
    private static final int MIN_SHARD_POSITIONS = 256;
    private final TransformerConfig config;
    private final RelativeAttention attention;
    private final Map<String, INDArray> weights = new LinkedHashMap<>();

    /** Layers over rows of {@code inputSize} (the model's width), weights drawn from {@code random} as {@code type}. */
    TransformerLayers(TransformerConfig config, int inputSize, Random random, DataType type) {
        if (inputSize != config.width()) {
            throw new IllegalArgumentException("a transformer of width " + config.width() + " takes rows of that width, "
                    + "not " + inputSize);
        }
        this.config = config;
        this.attention = new RelativeAttention(config);
        int w = config.width();
        int f = config.feedForward();
        double residualScale = 1 / Math.sqrt(2.0 * config.layers());
        for (int layer = 0; layer < config.layers(); layer++) {
            String p = prefix(layer);
            weights.put(p + "ln1_g", Nd4j.ones(type, w));
            weights.put(p + "ln1_b", Nd4j.zeros(type, w));
            weights.put(p + "qkv_w", Initialisers.fanIn(random, w, 3 * w, type));
            weights.put(p + "qkv_b", Nd4j.zeros(type, 3 * w));
            weights.put(p + "rel", Initialisers.uniform(random, 1 / Math.sqrt(config.headWidth()),
                    attention.embeddingHeads() * config.maxRelative(), config.headWidth(), type));
            weights.put(p + "out_w", Initialisers.uniform(random, residualScale / Math.sqrt(w), w, w, type));
            weights.put(p + "out_b", Nd4j.zeros(type, w));
            weights.put(p + "ln2_g", Nd4j.ones(type, w));
            weights.put(p + "ln2_b", Nd4j.zeros(type, w));
            weights.put(p + "ff1_w", Initialisers.fanIn(random, w, f, type));
            weights.put(p + "ff1_b", Nd4j.zeros(type, f));
            weights.put(p + "ff2_w", Initialisers.uniform(random, residualScale / Math.sqrt(f), f, w, type));
            weights.put(p + "ff2_b", Nd4j.zeros(type, w));
        }
        weights.put("tf_lnf_g", Nd4j.ones(type, w));
        weights.put("tf_lnf_b", Nd4j.zeros(type, w));
    }

    /** The name prefix of block {@code layer}'s weights. */
    public static String prefix(int layer) {
        return "tf" + layer + "_";
    }

    @Override
    public int minShardSequences(int steps) {
        return (MIN_SHARD_POSITIONS + steps - 1) / steps;
    }

    @Override
    public Map<String, INDArray> weights() {
        return new LinkedHashMap<>(weights);
    }

    private INDArray w(String name) {
        return weights.get(name);
    }

    /** What one block's forward pass keeps for its backward pass. */
    private record Block(LayerNorm.Saved norm1, INDArray normed1, RelativeAttention.Saved attention, INDArray attended,
                         INDArray attentionMask, LayerNorm.Saved norm2, INDArray normed2, INDArray hidden,
                         INDArray feedForwardMask) {
    }

    /** A forward pass: each block's saved arrays, the input dropout mask, the final normalisation, the output. */
    private record Pass(int batch, int steps, INDArray inputMask, Block[] blocks, LayerNorm.Saved finalNorm,
                        INDArray top) implements SequenceStack.Pass {
    }

    @Override
    public Pass forward(INDArray x, int batch, int steps) {
        return forward(x, batch, steps, null);
    }

    @Override
    public Pass forwardWithDropout(INDArray x, int batch, int steps, long dropoutSeed) {
        return forward(x, batch, steps, config.dropout() > 0 ? new SplittableRandom(dropoutSeed) : null);
    }

    private Pass forward(INDArray x, int batch, int steps, SplittableRandom dropout) {
        INDArray h = reorder(x, steps, batch);
        INDArray inputMask = mask(dropout, h);
        if (inputMask != null) {
            h.muli(inputMask);
        }
        Block[] blocks = new Block[config.layers()];
        for (int layer = 0; layer < config.layers(); layer++) {
            String p = prefix(layer);
            LayerNorm.Output n1 = LayerNorm.forward(h, w(p + "ln1_g"), w(p + "ln1_b"));
            INDArray qkv = n1.rows().mmul(w(p + "qkv_w")).addiRowVector(w(p + "qkv_b"));
            RelativeAttention.Output a = attention.forward(qkv, w(p + "rel"), batch, steps);
            INDArray attended = a.rows().mmul(w(p + "out_w")).addiRowVector(w(p + "out_b"));
            INDArray attentionMask = mask(dropout, attended);
            h = h.add(attentionMask == null ? attended : attended.mul(attentionMask));
            LayerNorm.Output n2 = LayerNorm.forward(h, w(p + "ln2_g"), w(p + "ln2_b"));
            INDArray hidden = Transforms.relu(n2.rows().mmul(w(p + "ff1_w")).addiRowVector(w(p + "ff1_b")), false);
            INDArray fed = hidden.mmul(w(p + "ff2_w")).addiRowVector(w(p + "ff2_b"));
            INDArray feedForwardMask = mask(dropout, fed);
            h = h.add(feedForwardMask == null ? fed : fed.muli(feedForwardMask));
            blocks[layer] = new Block(n1.saved(), n1.rows(), a.saved(), a.rows(), attentionMask, n2.saved(),
                    n2.rows(), hidden, feedForwardMask);
        }
        LayerNorm.Output out = LayerNorm.forward(h, w("tf_lnf_g"), w("tf_lnf_b"));
        return new Pass(batch, steps, inputMask, blocks, out.saved(), reorder(out.rows(), batch, steps));
    }

    @Override
    public INDArray backward(SequenceStack.Pass stackPass, INDArray dTop, Map<String, INDArray> gradients,
                             boolean inputGradient) {
        Pass pass = (Pass) stackPass;
        INDArray dh = LayerNorm.backward(pass.finalNorm(), reorder(dTop, pass.steps(), pass.batch()), w("tf_lnf_g"),
                gradients, "tf_lnf_g", "tf_lnf_b");
        for (int layer = config.layers() - 1; layer >= 0; layer--) {
            String p = prefix(layer);
            Block b = pass.blocks()[layer];
            INDArray dFed = b.feedForwardMask() == null ? dh : dh.mul(b.feedForwardMask());
            gradients.put(p + "ff2_w", Nd4j.gemm(b.hidden(), dFed, true, false));
            gradients.put(p + "ff2_b", LstmLayers.columnSums(dFed));
            INDArray dHidden = Nd4j.gemm(dFed, w(p + "ff2_w"), false, true).muli(Transforms.step(b.hidden()));
            gradients.put(p + "ff1_w", Nd4j.gemm(b.normed2(), dHidden, true, false));
            gradients.put(p + "ff1_b", LstmLayers.columnSums(dHidden));
            INDArray dNormed2 = Nd4j.gemm(dHidden, w(p + "ff1_w"), false, true);
            dh = dh.add(LayerNorm.backward(b.norm2(), dNormed2, w(p + "ln2_g"), gradients, p + "ln2_g", p + "ln2_b"));
            INDArray dAttended = b.attentionMask() == null ? dh : dh.mul(b.attentionMask());
            gradients.put(p + "out_w", Nd4j.gemm(b.attended(), dAttended, true, false));
            gradients.put(p + "out_b", LstmLayers.columnSums(dAttended));
            RelativeAttention.Gradients da = attention.backward(b.attention(),
                    Nd4j.gemm(dAttended, w(p + "out_w"), false, true));
            gradients.put(p + "rel", da.relative());
            gradients.put(p + "qkv_w", Nd4j.gemm(b.normed1(), da.qkv(), true, false));
            gradients.put(p + "qkv_b", LstmLayers.columnSums(da.qkv()));
            INDArray dNormed1 = Nd4j.gemm(da.qkv(), w(p + "qkv_w"), false, true);
            dh = dh.add(LayerNorm.backward(b.norm1(), dNormed1, w(p + "ln1_g"), gradients, p + "ln1_g", p + "ln1_b"));
        }
        if (!inputGradient) {
            return null;
        }
        return reorder(pass.inputMask() == null ? dh : dh.mul(pass.inputMask()), pass.batch(), pass.steps());
    }

    /** A dropout mask shaped like {@code rows}, or null without dropout. */
    private INDArray mask(SplittableRandom dropout, INDArray rows) {
        return dropout == null ? null
                : LstmLayers.dropoutMask(dropout, config.dropout(), rows.rows(), rows.columns(), rows.dataType());
    }

    /**
     * Rows grouped by {@code outer} then {@code inner} regrouped the other way: time-major (T*B) to batch-major (B*T)
     * with outer = T, and back with outer = B. Always a new array.
     */
    private static INDArray reorder(INDArray rows, int outer, int inner) {
        return rows.reshape(outer, inner, rows.columns()).permute(1, 0, 2).dup('c')
                .reshape((long) outer * inner, rows.columns());
    }
}
