package io.muse4j.models.lm;

import io.muse4j.models.nn.LayerNorm;
import io.muse4j.models.nn.RowProducts;
import io.muse4j.models.nn.TransformerConfig;
import io.muse4j.models.nn.TransformerLayers;
import io.muse4j.models.sampling.TokenStepper;
import io.muse4j.core.score.Check;

/**
 * A transformer {@link TokenModel} run one token at a time with a key/value cache (incremental decoding): each step
 * computes the new position's queries, keys and values only, and attends over the cached keys and values of the
 * positions before it, so a step costs O(window * width) per layer instead of a whole forward pass.
 *
 * <p>The cache is a sliding window of the last {@code maxRelative} positions (a ring): past it, the oldest position
 * is dropped, so generation goes on beyond the training context at a constant cost per token. Positions inside the
 * window keep the keys and values they were given when they were new, which saw the window of their own time (as a
 * Transformer-XL memory does); within the first window the steps equal a full forward pass exactly.
 *
 * <p>Keys are held transposed (width, window), so that the scores of all cached positions are sums of scaled rows,
 * which the JIT vectorises ({@link RowProducts}), as are the weighted sums of values.
 */
public final class TransformerStepper implements TokenStepper {
    private final TransformerConfig config;
    private final int rows;
    private final int window;
    private final float[] embedding;
    private final Block[] blocks;
    private final float[] finalGain;
    private final float[] finalBias;
    private final float[][] outputWeights;
    private final float[] outputBias;
    private Cache[][] caches;
    private long seen;

    /** A block's weights as float arrays; the relative embedding of each embedding head transposed, (d, maxRelative). */
    private record Block(float[] gain1, float[] bias1, float[][] qkvW, float[] qkvB, float[][][] relativeT,
                         float[][] outW, float[] outB, float[] gain2, float[] bias2, float[][] ff1W, float[] ff1B,
                         float[][] ff2W, float[] ff2B) {
    }

    /** One row's cache in one block: keys (width, window) and values (window, width), slot = position % window. */
    private record Cache(float[][] keysT, float[][] values) {
        Cache copy() {
            float[][] k = new float[keysT.length][];
            for (int i = 0; i < k.length; i++) {
                k[i] = keysT[i].clone();
            }
            float[][] v = new float[values.length][];
            for (int i = 0; i < v.length; i++) {
                v[i] = values[i].clone();
            }
            return new Cache(k, v);
        }
    }

    /** A stepper over the weights of {@code model} (copied), for {@code rows} sequences. */
    TransformerStepper(TokenModel model, int rows) {
        Check.atLeast("rows", rows, 1);
        this.config = (TransformerConfig) model.config();
        this.rows = rows;
        this.window = config.maxRelative();
        embedding = RowProducts.floats(model.weight("embedding"));
        blocks = new Block[config.layers()];
        int d = config.headWidth();
        int embeddingHeads = config.sharedRelative() ? 1 : config.heads();
        for (int layer = 0; layer < blocks.length; layer++) {
            String p = TransformerLayers.prefix(layer);
            float[][] rel = RowProducts.rows(model.weight(p + "rel"));
            float[][][] relT = new float[embeddingHeads][d][config.maxRelative()];
            for (int head = 0; head < embeddingHeads; head++) {
                for (int distance = 0; distance < config.maxRelative(); distance++) {
                    for (int k = 0; k < d; k++) {
                        relT[head][k][distance] = rel[head * config.maxRelative() + distance][k];
                    }
                }
            }
            blocks[layer] = new Block(f(model, p + "ln1_g"), f(model, p + "ln1_b"), r(model, p + "qkv_w"),
                    f(model, p + "qkv_b"), relT, r(model, p + "out_w"), f(model, p + "out_b"), f(model, p + "ln2_g"),
                    f(model, p + "ln2_b"), r(model, p + "ff1_w"), f(model, p + "ff1_b"), r(model, p + "ff2_w"),
                    f(model, p + "ff2_b"));
        }
        finalGain = f(model, "tf_lnf_g");
        finalBias = f(model, "tf_lnf_b");
        outputWeights = r(model, "softmax_w");
        outputBias = f(model, "softmax_b");
        reset();
    }

    private TransformerStepper(TransformerStepper from, int rows) {
        Check.atLeast("rows", rows, 1);
        this.config = from.config;
        this.rows = rows;
        this.window = from.window;
        embedding = from.embedding;
        blocks = from.blocks;
        finalGain = from.finalGain;
        finalBias = from.finalBias;
        outputWeights = from.outputWeights;
        outputBias = from.outputBias;
        caches = new Cache[config.layers()][rows];
        for (int layer = 0; layer < caches.length; layer++) {
            for (int row = 0; row < rows; row++) {
                caches[layer][row] = from.caches[layer][0].copy();
            }
        }
        seen = from.seen;
    }

    @Override
    public TokenStepper widened(int rows) {
        return new TransformerStepper(this, rows);
    }

    private static float[] f(TokenModel model, String name) {
        return RowProducts.floats(model.weight(name));
    }

    private static float[][] r(TokenModel model, String name) {
        return RowProducts.rows(model.weight(name));
    }

    @Override
    public int rows() {
        return rows;
    }

    /** The most positions a step attends over. */
    public int window() {
        return window;
    }

    @Override
    public void reset() {
        caches = new Cache[config.layers()][rows];
        for (Cache[] layer : caches) {
            for (int row = 0; row < rows; row++) {
                layer[row] = new Cache(new float[config.width()][window], new float[window][config.width()]);
            }
        }
        seen = 0;
    }

    @Override
    public float[][] step(int[] tokens) {
        TokenStepper.checkTokens(config, rows, tokens);
        int w = config.width();
        float[][] logits = new float[rows][];
        for (int row = 0; row < rows; row++) {
            float[] x = new float[w];
            System.arraycopy(embedding, tokens[row] * w, x, 0, w);
            for (int layer = 0; layer < blocks.length; layer++) {
                block(blocks[layer], caches[layer][row], x);
            }
            float[] top = normalised(x, finalGain, finalBias);
            float[] out = outputBias.clone();
            RowProducts.inHalves(out.length, (from, to) -> RowProducts.addProduct(top, outputWeights, out, from, to));
            logits[row] = out;
        }
        seen++;
        return logits;
    }

    /** Advances the residual row {@code x} through one block at position {@link #seen}, caching its key and value. */
    private void block(Block b, Cache cache, float[] x) {
        int w = config.width();
        float[] a = normalised(x, b.gain1(), b.bias1());
        float[] qkv = b.qkvB().clone();
        RowProducts.inHalves(qkv.length, (from, to) -> RowProducts.addProduct(a, b.qkvW(), qkv, from, to));
        int slot = (int) (seen % window);
        for (int i = 0; i < w; i++) {
            cache.keysT()[i][slot] = qkv[w + i];
        }
        System.arraycopy(qkv, 2 * w, cache.values()[slot], 0, w);
        float[] attended = attend(b, cache, qkv);
        float[] projected = b.outB().clone();
        RowProducts.inHalves(w, (from, to) -> RowProducts.addProduct(attended, b.outW(), projected, from, to));
        add(x, projected);
        float[] n = normalised(x, b.gain2(), b.bias2());
        float[] hidden = b.ff1B().clone();
        RowProducts.inHalves(hidden.length, (from, to) -> RowProducts.addProduct(n, b.ff1W(), hidden, from, to));
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = Math.max(hidden[i], 0f);
        }
        float[] fed = b.ff2B().clone();
        RowProducts.inHalves(w, (from, to) -> RowProducts.addProduct(hidden, b.ff2W(), fed, from, to));
        add(x, fed);
    }

    /** Each head's attention over the cached positions, from the queries in {@code qkv}; (width). */
    private float[] attend(Block b, Cache cache, float[] qkv) {
        int d = config.headWidth();
        int filled = (int) Math.min(seen + 1, window);
        int span = Math.min(config.maxRelative(), filled);
        int newest = (int) (seen % window);
        double scale = 1 / Math.sqrt(d);
        float[] out = new float[config.width()];
        float[] scores = new float[filled];
        float[] byDistance = new float[span];
        for (int head = 0; head < config.heads(); head++) {
            int offset = head * d;
            java.util.Arrays.fill(scores, 0f);
            java.util.Arrays.fill(byDistance, 0f);
            float[][] relT = b.relativeT()[config.sharedRelative() ? 0 : head];
            for (int k = 0; k < d; k++) {
                float q = qkv[offset + k];
                float[] keys = cache.keysT()[offset + k];
                float[] rel = relT[k];
                for (int s = 0; s < filled; s++) {
                    scores[s] += q * keys[s];
                }
                for (int t = 0; t < span; t++) {
                    byDistance[t] += q * rel[t];
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < filled; s++) {
                int distance = Math.floorMod(newest - s, window);
                double score = (scores[s] + (distance < span ? byDistance[distance] : 0f)) * scale;
                scores[s] = (float) score;
                max = Math.max(max, score);
            }
            double sum = 0;
            for (int s = 0; s < filled; s++) {
                double e = Math.exp(scores[s] - max);
                scores[s] = (float) e;
                sum += e;
            }
            for (int s = 0; s < filled; s++) {
                float p = (float) (scores[s] / sum);
                float[] value = cache.values()[s];
                for (int k = 0; k < d; k++) {
                    out[offset + k] += p * value[offset + k];
                }
            }
        }
        return out;
    }

    /** {@code x} normalised to mean 0 and variance 1, times {@code gain} plus {@code bias} (see {@link LayerNorm}). */
    private static float[] normalised(float[] x, float[] gain, float[] bias) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= x.length;
        double variance = 0;
        for (float v : x) {
            variance += (v - mean) * (v - mean);
        }
        float inverse = (float) (1 / Math.sqrt(variance / x.length + LayerNorm.EPSILON));
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] - mean) * inverse * gain[i] + bias[i];
        }
        return out;
    }

    private static void add(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
    }

    @Override
    public void reorder(int[] from) {
        TokenStepper.checkOrder(rows, from);
        for (int layer = 0; layer < caches.length; layer++) {
            Cache[] before = caches[layer];
            Cache[] after = new Cache[rows];
            boolean[] taken = new boolean[rows];
            for (int row = 0; row < rows; row++) {
                after[row] = taken[from[row]] ? before[from[row]].copy() : before[from[row]];
                taken[from[row]] = true;
            }
            caches[layer] = after;
        }
    }
}
