package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Causal multi-head self-attention with learned relative position embeddings (Shaw et al. 2018), computed with the
 * memory-efficient skew of Huang et al. 2018: the relative logits {@code q_i . E[i - j]} come from one product of
 * the queries with the embeddings ordered by distance, (T, T) per head, which the skew (pad a column on the left,
 * reshape, drop the first row) moves into place, so no (T, T, head width) tensor of per-pair embeddings is made.
 * Distances from {@code maxRelative} on have no embedding (a zero one), as in Magenta's implementation.
 *
 * <p>Layouts: rows are batch-major (row {@code b * T + t}); the queries, keys and values of all heads are held
 * head-major, (H, B, T, head width), so that each head's block of each sequence, and each head's block of the whole
 * batch, is contiguous.
 */
public final class RelativeAttention {
    /** Added to the logits of future positions: exp of it is exactly 0 in float and double. */
    private static final double MASKED = -1e9;

    private final TransformerConfig config;

    /** The attention of a transformer of this shape. */
    public RelativeAttention(TransformerConfig config) {
        this.config = config;
    }

    /** What the backward pass reads: the heads' queries, keys and values, the weights, and the ordered embeddings. */
    public record Saved(int batch, int steps, INDArray heads, INDArray weights, INDArray ordered) {
    }

    /** The attention's output rows (N, width), before the output projection, and what the backward pass needs. */
    public record Output(INDArray rows, Saved saved) {
    }

    /** The number of relative embeddings: one per head, or 1 when shared. */
    public int embeddingHeads() {
        return config.sharedRelative() ? 1 : config.heads();
    }

    /**
     * Attention over {@code qkv} (B*T, 3 * width), the projected queries, keys and values of each row (batch-major),
     * with {@code relative} the relative embedding rows (see {@link #embeddingHeads()}; maxRelative rows each).
     */
    public Output forward(INDArray qkv, INDArray relative, int batch, int steps) {
        int h = config.heads();
        int d = config.headWidth();
        INDArray heads = qkv.reshape(batch, steps, 3, h, d).permute(2, 3, 0, 1, 4).dup('c');
        INDArray q = part(heads, 0, batch, steps);
        INDArray k = part(heads, 1, batch, steps);
        INDArray v = part(heads, 2, batch, steps);
        INDArray logits = Nd4j.matmul(q, k, false, true, false);                   // (H*B, T, T)
        INDArray ordered = orderedByDistance(relative, steps);
        logits.addi(skew(relativeLogits(q, ordered, batch, steps)));   // the relative scores
        logits.muli(1 / Math.sqrt(d));
        INDArray flat = logits.reshape((long) h * batch, (long) steps * steps);
        flat.addiRowVector(causalMask(steps, qkv.dataType()));
        INDArray weights = Transforms.softmax(flat.reshape((long) h * batch * steps, steps), false)
                .reshape((long) h * batch, steps, steps);
        INDArray out = Nd4j.matmul(weights, v);                                        // (H*B, T, d)
        INDArray rows = out.reshape(h, batch, steps, d).permute(1, 2, 0, 3).dup('c')
                .reshape((long) batch * steps, (long) h * d);
        return new Output(rows, new Saved(batch, steps, heads, weights, ordered));
    }

    /** The gradients at the projected queries, keys and values (N, 3 * width) and at the relative embedding. */
    record Gradients(INDArray qkv, INDArray relative) {
    }

    /** Back from {@code dRows}, the gradient at the output rows. */
    Gradients backward(Saved s, INDArray dRows) {
        int h = config.heads();
        int d = config.headWidth();
        int batch = s.batch();
        int steps = s.steps();
        INDArray dOut = dRows.reshape(batch, steps, h, d).permute(2, 0, 1, 3).dup('c')
                .reshape((long) h * batch, steps, d);
        INDArray q = part(s.heads(), 0, batch, steps);
        INDArray k = part(s.heads(), 1, batch, steps);
        INDArray v = part(s.heads(), 2, batch, steps);
        INDArray dv = Nd4j.matmul(s.weights(), dOut, true, false, false);
        INDArray dWeights = Nd4j.matmul(dOut, v, false, true, false);                  // (H*B, T, T)
        INDArray dLogits = softmaxBackward(s.weights(), dWeights, steps).muli(1 / Math.sqrt(d));
        INDArray dq = Nd4j.matmul(dLogits, k);
        INDArray dk = Nd4j.matmul(dLogits, q, true, false, false);
        INDArray dRelLogits = unskew(dLogits);
        dq.addi(relativeQueryGradient(dRelLogits, s.ordered(), batch, steps));
        INDArray dHeads = Nd4j.create(s.heads().dataType(), s.heads().shape());
        INDArray[] parts = {dq, dk, dv};
        for (int which = 0; which < 3; which++) {
            dHeads.get(NDArrayIndex.point(which)).assign(parts[which].reshape(h, batch, steps, d));
        }
        INDArray dQkv = dHeads.permute(2, 3, 0, 1, 4).dup('c').reshape((long) batch * steps, 3L * h * d);
        return new Gradients(dQkv, gatherRows(orderedGradient(dRelLogits, q, batch, steps), orderIndex(steps, false)));
    }

    /**
     * The relative scores {@code q_i . E[i - j]} (H*B, T, T) of queries (H*B, T, d) for {@code j <= i} (entries above
     * the diagonal are meaningless), through the skew.
     */
    public INDArray relativeScores(INDArray q, INDArray relative, int batch, int steps) {
        return skew(relativeLogits(q, orderedByDistance(relative, steps), batch, steps));
    }

    /** Queries (0), keys (1) or values (2) of every head as (H*B, T, d), a contiguous view. */
    private INDArray part(INDArray heads, int which, int batch, int steps) {
        return heads.get(NDArrayIndex.point(which)).reshape((long) config.heads() * batch, steps, config.headWidth());
    }

    /**
     * The relative embeddings (heads' E, 1 or H of them, each maxRelative rows) as (heads, T, d): row {@code c} of
     * each holds distance {@code T - 1 - c}, zero beyond the embedded distances.
     */
    private INDArray orderedByDistance(INDArray relative, int steps) {
        return gatherRows(relative, orderIndex(steps, true)).reshape(embeddingHeads(), steps, config.headWidth());
    }

    /** The rows of {@code source} at {@code index}, a zero row where the index is -1. */
    private static INDArray gatherRows(INDArray source, int[] index) {
        INDArray extended = Nd4j.vstack(source, Nd4j.zeros(source.dataType(), 1, source.columns()));
        int[] rows = index.clone();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rows[i] < 0 ? (int) source.rows() : rows[i];
        }
        return Nd4j.pullRows(extended, 1, rows); // one op; getRows copies row by row
    }

    /**
     * Row indices between the embedding (heads * maxRelative rows) and the rows ordered by distance (heads * T
     * rows): for {@code toOrdered}, each ordered row's source in the embedding; else each embedding row's source
     * among the ordered rows; -1 where there is none.
     */
    private int[] orderIndex(int steps, boolean toOrdered) {
        int heads = embeddingHeads();
        int span = config.maxRelative();
        int[] index = new int[toOrdered ? heads * steps : heads * span];
        java.util.Arrays.fill(index, -1);
        for (int head = 0; head < heads; head++) {
            for (int distance = 0; distance < Math.min(span, steps); distance++) {
                int row = head * steps + steps - 1 - distance;
                int embeddingRow = head * span + distance;
                if (toOrdered) {
                    index[row] = embeddingRow;
                } else {
                    index[embeddingRow] = row;
                }
            }
        }
        return index;
    }

    /** Queries (H*B, T, d) times the ordered embeddings: (H*B, T, T), column c for distance T - 1 - c. */
    private INDArray relativeLogits(INDArray q, INDArray ordered, int batch, int steps) {
        int d = config.headWidth();
        if (config.sharedRelative()) {
            return Nd4j.gemm(q.reshape((long) config.heads() * batch * steps, d), ordered.reshape(steps, d), false, true)
                    .reshape((long) config.heads() * batch, steps, steps);
        }
        return Nd4j.matmul(q.reshape(config.heads(), (long) batch * steps, d), ordered, false, true, false)
                .reshape((long) config.heads() * batch, steps, steps);
    }

    /** The gradient at the queries from that at the relative logits (before the skew). */
    private INDArray relativeQueryGradient(INDArray dRel, INDArray ordered, int batch, int steps) {
        int d = config.headWidth();
        if (config.sharedRelative()) {
            return Nd4j.gemm(dRel.reshape((long) config.heads() * batch * steps, steps), ordered.reshape(steps, d),
                    false, false).reshape((long) config.heads() * batch, steps, d);
        }
        return Nd4j.matmul(dRel.reshape(config.heads(), (long) batch * steps, steps), ordered)
                .reshape((long) config.heads() * batch, steps, d);
    }

    /** The gradient at the ordered embeddings (heads*T, d) from that at the relative logits. */
    private INDArray orderedGradient(INDArray dRel, INDArray q, int batch, int steps) {
        int d = config.headWidth();
        if (config.sharedRelative()) {
            return Nd4j.gemm(dRel.reshape((long) config.heads() * batch * steps, steps),
                    q.reshape((long) config.heads() * batch * steps, d), true, false);
        }
        return Nd4j.matmul(dRel.reshape(config.heads(), (long) batch * steps, steps),
                q.reshape(config.heads(), (long) batch * steps, d), true, false, false)
                .reshape((long) config.heads() * steps, d);
    }

    /**
     * The skew: (M, T, T) logits by column of distance moved to column of key position. Pad one zero column on the
     * left, read each (T, T+1) matrix as (T+1, T) and drop its first row; entry (i, j) is then entry
     * (i, T - 1 - i + j) of the input for every j at most i (later ones are masked).
     */
    static INDArray skew(INDArray byDistance) {
        long m = byDistance.size(0);
        long t = byDistance.size(1);
        INDArray padded = Nd4j.createUninitialized(byDistance.dataType(), m, t, t + 1);
        padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0)).assign(0);
        padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, t + 1)).assign(byDistance);
        return padded.reshape(m, t + 1, t).get(NDArrayIndex.all(), NDArrayIndex.interval(1, t + 1), NDArrayIndex.all());
    }

    /** The skew's adjoint: the gradient at its input from that at its output. */
    static INDArray unskew(INDArray byPosition) {
        long m = byPosition.size(0);
        long t = byPosition.size(1);
        INDArray padded = Nd4j.createUninitialized(byPosition.dataType(), m, t + 1, t);
        padded.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()).assign(0);
        padded.get(NDArrayIndex.all(), NDArrayIndex.interval(1, t + 1), NDArrayIndex.all()).assign(byPosition);
        return padded.reshape(m, t, t + 1).get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, t + 1))
                .dup('c');
    }

    /** The additive causal mask as one row of T*T: 0 where key j is at most query i, else {@link #MASKED}. */
    private static INDArray causalMask(int steps, DataType type) {
        double[] mask = new double[steps * steps];
        for (int i = 0; i < steps; i++) {
            for (int j = i + 1; j < steps; j++) {
                mask[i * steps + j] = MASKED;
            }
        }
        return Nd4j.create(mask, new long[] {(long) steps * steps}, 'c').castTo(type);
    }

    /** The gradient at softmax inputs: P * (dP - rowsum(dP * P)), rows of the last axis. */
    private static INDArray softmaxBackward(INDArray p, INDArray dp, int steps) {
        long rows = p.length() / steps;
        INDArray p2 = p.reshape(rows, steps);
        INDArray dp2 = dp.reshape(rows, steps);
        INDArray dot = LstmLayers.rowMeans(dp2.mul(p2)).muli(steps);
        return dp2.subiColumnVector(dot).muli(p2).reshape(p.shape());
    }
}
