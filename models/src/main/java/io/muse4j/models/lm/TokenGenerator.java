package io.muse4j.models.lm;

import io.muse4j.core.score.Check;
import io.muse4j.models.nn.Softmax;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.sampling.TokenStepper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Continues a token sequence with a {@link TokenModel}, one token at a time, carrying the LSTM states (constant work
 * per token). Either samples one continuation, or runs a stochastic beam search as Magenta's Melody RNN does: each
 * of {@code width} beams branches into {@code width} drawn tokens, and the {@code width} likeliest sequences
 * (by the model's log-likelihood) survive each step.
 */
public final class TokenGenerator {
    /** The widest beam search allowed. */
    public static final int MAX_WIDTH = 64;
    private final TokenModel model;

    /** A generator over a model (its weights are copied into a {@link LstmStepper} for each call). */
    public TokenGenerator(TokenModel model) {
        this.model = model;
    }

    /** The primer followed by {@code count} drawn tokens. */
    public int[] continueFrom(int[] primer, int count, Sampler sampler) {
        return beamSearch(primer, count, 1, sampler, tokens -> false);
    }

    /**
     * The primer followed by the likeliest of the {@code width} continuations of up to {@code count} tokens that a
     * stochastic beam search keeps (a width of 1 is plain sampling). It stops early once the likeliest beam
     * (primer included) satisfies {@code enough}, which is asked after every step: generation by duration.
     */
    public int[] beamSearch(int[] primer, int count, int width, Sampler sampler, Predicate<int[]> enough) {
        return beamSearch(primer, count, width, sampler, enough, (tokens, logits) -> { });
    }

    /**
     * As {@link #beamSearch(int[], int, int, Sampler, Predicate)}, with each beam's next-token logits passed through
     * {@code rule} (given the beam's tokens so far) before drawing: a rule sets the logits of tokens not allowed
     * there to negative infinity (an end token before the length asked for, or anything but the end after it).
     */
    public int[] beamSearch(int[] primer, int count, int width, Sampler sampler, Predicate<int[]> enough,
                            BiConsumer<int[], float[]> rule) {
        if (primer.length == 0) {
            throw new IllegalArgumentException("a primer of at least one token is needed");
        }
        Check.atLeast("tokens to generate", count, 0);
        Check.range("beam width", width, 1, MAX_WIDTH);
        TokenStepper stepper = model.stepper(width);
        float[][] logits = fed(stepper, primer);
        List<Beam> beams = List.of(new Beam(0, primer, 0));
        for (int n = 0; n < count; n++) {
            List<Beam> candidates = new ArrayList<>();
            for (Beam beam : beams) {
                float[] next = logits[beam.row()].clone();
                rule.accept(beam.tokens(), next);
                double[] logProbs = Softmax.logSoftmax(next);
                boolean[] drawn = new boolean[next.length];
                for (int branch = 0; branch < width; branch++) {
                    int token = sampler.sample(beam.tokens(), next);
                    if (!drawn[token]) {
                        drawn[token] = true;
                        candidates.add(beam.extend(token, logProbs[token]));
                    }
                }
            }
            candidates.sort(Comparator.comparingDouble(Beam::logLikelihood).reversed());
            beams = place(stepper, candidates.subList(0, Math.min(width, candidates.size())), width);
            if (enough.test(beams.get(0).tokens())) {
                break;
            }
            if (n + 1 < count) {
                logits = stepper.step(newestTokens(beams, width));
            }
        }
        return beams.get(0).tokens();
    }

    /**
     * The continuation of {@code body} most likely to end the piece: {@code rows} continuations are drawn side by
     * side (the end token {@code end} not allowed), each until it satisfies {@code done} or has {@code count}
     * tokens, and the one after which the model would most likely write the end, at once or after its likeliest
     * other token, wins. How {@code --bars N} ends on a cadence.
     */
    public int[] likeliestEnding(int[] body, int rows, int count, Sampler sampler, Predicate<int[]> done, int end) {
        Rows fed = fedRows(body, rows);
        TokenStepper stepper = fed.stepper();
        float[][] logits = fed.logits();
        int[][] drawn = new int[rows][];
        Arrays.fill(drawn, body);
        // a row is drawing, then finished (its likeliest other token fed), then scored (the rest is ignored)
        double[] endScore = new double[rows];
        double[] otherLogProb = new double[rows];
        boolean[] finished = new boolean[rows];
        boolean[] scored = new boolean[rows];
        int[] newest = new int[rows];
        for (int n = 0; n <= count + 1; n++) {
            for (int row = 0; row < rows; row++) {
                if (scored[row]) {
                    continue;
                }
                double[] logProbs = Softmax.logSoftmax(logits[row]);
                if (finished[row]) {
                    endScore[row] += Math.exp(otherLogProb[row] + logProbs[end]);
                    scored[row] = true;
                } else if (done.test(drawn[row]) || n == count) {
                    finished[row] = true;
                    endScore[row] = Math.exp(logProbs[end]);
                    newest[row] = likeliestBut(logProbs, end);
                    otherLogProb[row] = logProbs[newest[row]];
                } else {
                    float[] next = logits[row].clone();
                    next[end] = Float.NEGATIVE_INFINITY;
                    newest[row] = sampler.sample(drawn[row], next);
                    drawn[row] = Arrays.copyOf(drawn[row], drawn[row].length + 1);
                    drawn[row][drawn[row].length - 1] = newest[row];
                }
            }
            boolean all = true;
            for (boolean s : scored) {
                all &= s;
            }
            if (all) {
                break;
            }
            logits = stepper.step(newest);
        }
        int best = 0;
        for (int row = 1; row < rows; row++) {
            best = endScore[row] > endScore[best] ? row : best;
        }
        return drawn[best];
    }

    /**
     * The span of {@code count} tokens between a fixed past and a fixed future most likely to lead into that
     * future: {@code rows} spans are drawn side by side after {@code before}, and the one after which the model
     * gives {@code after} the highest log-probability (the sum over its tokens, teacher-forced) wins; the first drawn
     * where none follows. How a melody model fills in bars.
     */
    public int[] likeliestBridge(int[] before, int count, int[] after, int rows, Sampler sampler) {
        Check.atLeast("span tokens", count, 1);
        Rows fed = fedRows(before, rows);
        TokenStepper stepper = fed.stepper();
        float[][] logits = fed.logits();
        int[][] drawn = new int[rows][count];
        for (int n = 0; n < count; n++) {
            int[] newest = new int[rows];
            for (int row = 0; row < rows; row++) {
                newest[row] = sampler.sample(logits[row]);
                drawn[row][n] = newest[row];
            }
            logits = stepper.step(newest);
        }
        double[] score = new double[rows];
        for (int n = 0; n < after.length; n++) {
            for (int row = 0; row < rows; row++) {
                score[row] += Softmax.logSoftmax(logits[row])[after[n]];
            }
            if (n + 1 < after.length) {
                int[] same = new int[rows];
                Arrays.fill(same, after[n]);
                logits = stepper.step(same);
            }
        }
        int best = 0;
        for (int row = 1; row < rows; row++) {
            best = score[row] > score[best] ? row : best;
        }
        return drawn[best];
    }

    /** A stepper of several rows that have all read the same tokens, and each row's logits after them. */
    private record Rows(TokenStepper stepper, float[][] logits) {
    }

    /** {@code rows} rows that have read {@code tokens}, fed once and then widened, not once a row. */
    private Rows fedRows(int[] tokens, int rows) {
        Check.range("candidates", rows, 1, MAX_WIDTH);
        if (tokens.length == 0) {
            throw new IllegalArgumentException("at least one token to continue is needed");
        }
        TokenStepper one = model.stepper(1);
        float[] fedLogits = fed(one, tokens)[0];
        float[][] logits = new float[rows][];
        for (int row = 0; row < rows; row++) {
            logits[row] = fedLogits.clone();
        }
        return new Rows(one.widened(rows), logits);
    }

    /** Feeds the same tokens to every row of the stepper; the logits after the last. */
    private static float[][] fed(TokenStepper stepper, int[] tokens) {
        float[][] logits = null;
        for (int token : tokens) {
            int[] same = new int[stepper.rows()];
            Arrays.fill(same, token);
            logits = stepper.step(same);
        }
        return logits;
    }

    private static int likeliestBut(double[] logProbs, int excluded) {
        int best = excluded == 0 ? 1 : 0;
        for (int token = 0; token < logProbs.length; token++) {
            if (token != excluded && logProbs[token] > logProbs[best]) {
                best = token;
            }
        }
        return best;
    }

    /** Moves each surviving beam's state to a stepper row of its own (spare rows repeat the last beam). */
    private static List<Beam> place(TokenStepper stepper, List<Beam> survivors, int width) {
        int[] from = new int[width];
        List<Beam> placed = new ArrayList<>();
        for (int row = 0; row < width; row++) {
            Beam beam = survivors.get(Math.min(row, survivors.size() - 1));
            from[row] = beam.row();
            if (row < survivors.size()) {
                placed.add(new Beam(row, beam.tokens(), beam.logLikelihood()));
            }
        }
        stepper.reorder(from);
        return placed;
    }

    private static int[] newestTokens(List<Beam> beams, int width) {
        int[] newest = new int[width];
        for (int row = 0; row < width; row++) {
            int[] tokens = beams.get(Math.min(row, beams.size() - 1)).tokens();
            newest[row] = tokens[tokens.length - 1];
        }
        return newest;
    }

    /** A partial sequence, the stepper row holding its state, and its log-likelihood after the primer. */
    private record Beam(int row, int[] tokens, double logLikelihood) {
        Beam extend(int token, double logProb) {
            int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
            longer[tokens.length] = token;
            return new Beam(row, longer, logLikelihood + logProb);
        }
    }
}
