package io.muse4j.models.anticipation;

import io.muse4j.core.stats.VoiceLeading;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.SymbolGrid;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.models.lm.LstmStepper;
import io.muse4j.models.nn.LstmCells;
import io.muse4j.models.nn.RowProducts;
import io.muse4j.models.sampling.OnsetFirst;
import io.muse4j.models.sampling.Sampler;

import java.util.Arrays;

/**
 * Drawing a chorale left to right with an {@link AnticipationRnn}, the fixed cells as its constraints: the constraint
 * LSTM first reads them all from the end back to the start, then the token LSTM draws each position in turn, each
 * draw onset, rest or hold first, then the pitch ({@link OnsetFirst}). A forced draw takes each constraint as it
 * stands (what harmonising and infill need); an unforced one draws the constrained positions too, to measure how
 * often the model honours them.
 *
 * <p>With {@code rules}, a step whose chord breaks the voice-leading rules with the chord before it ({@link
 * VoiceLeading#errors}) is drawn again, up to {@value #DRAWS} times; then the draw that broke fewest is kept.
 */
public final class Anticipation {
    /** Draws of a step, with the rules, before the one with fewest errors is kept. */
    static final int DRAWS = 16;

    private final AnticipationRnn model;
    private final ChoraleParts parts;
    private final float[][] outputWeights;
    private final float[] outputBias;

    private Anticipation(AnticipationRnn model) {
        this.model = model;
        parts = model.parts();
        outputWeights = RowProducts.rows(model.output().w());
        outputBias = RowProducts.floats(model.output().b());
    }

    /**
     * A roll drawn and how its constraints fared.
     *
     * @param roll the roll, moved back to the key it came in
     * @param constraints the constrained positions (fixed cells)
     * @param honoured those where the model drew the constraint itself (all of them when forced)
     */
    public record Drawn(VoiceRoll roll, int constraints, int honoured) {
        /** The share of the constraints honoured (1 with none). */
        public double honouredShare() {
            return constraints == 0 ? 1 : (double) honoured / constraints;
        }
    }

    /**
     * The roll with its {@code free} cells ([step][part]) drawn and its fixed cells as constraints, moved into the
     * model's range for drawing and back; a note held over from a free cell into a fixed one is struck again where
     * the fixed cells begin. Forced, every fixed cell stays as it was; unforced, it is drawn as well.
     */
    public static Drawn draw(AnticipationRnn model, VoiceRoll roll, boolean[][] free, Sampler sampler, boolean rules,
                             boolean forced) {
        ChoraleParts parts = model.parts();
        int shift = parts.transposition(roll);
        int[][] grid = SymbolGrid.of(roll, parts, shift, free.length);
        SymbolGrid.strikeHeldOver(grid, parts, free);
        int[][] constraints = new int[grid.length][ChoraleParts.COUNT];
        for (int s = 0; s < grid.length; s++) {
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                constraints[s][p] = free[s][p] ? -1 : grid[s][p];
            }
        }
        return new Anticipation(model).draw(constraints, sampler, rules, forced, shift);
    }

    private Drawn draw(int[][] constraints, Sampler sampler, boolean rules, boolean forced, int shift) {
        float[][] anticipated = anticipated(constraints);
        LstmCells cells = new LstmCells(model.tokenWeights(), model.layers(), model.hidden(), 1);
        int[][] grid = new int[constraints.length][ChoraleParts.COUNT];
        int previous = -1;
        for (int s = 0; s < grid.length; s++) {
            float[][][][] before = cells.saved();
            int[] best = null;
            float[][][][] bestAfter = null;
            int fewest = Integer.MAX_VALUE;
            for (int d = 0; d < DRAWS && fewest > 0; d++) {
                cells.restore(before);
                int token = previous;
                for (int p = 0; p < ChoraleParts.COUNT; p++) {
                    int position = s * ChoraleParts.COUNT + p;
                    float[] logits = logits(cells, token, position, anticipated[position]);
                    boolean fixed = constraints[s][p] >= 0;
                    grid[s][p] = fixed && forced ? constraints[s][p] : drawn(logits, p, sampler);
                    token = model.token(p, grid[s][p]);
                }
                int errors = rules && drawsAny(constraints[s], forced) ? errors(grid, s) : 0;
                if (errors < fewest) {
                    fewest = errors;
                    best = grid[s].clone();
                    bestAfter = cells.saved();
                }
            }
            grid[s] = best;
            cells.restore(bestAfter);
            previous = model.token(ChoraleParts.COUNT - 1, grid[s][ChoraleParts.COUNT - 1]);
        }
        int constrained = 0;
        int honoured = 0;
        for (int s = 0; s < grid.length; s++) {
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                if (constraints[s][p] >= 0) {
                    constrained++;
                    honoured += grid[s][p] == constraints[s][p] ? 1 : 0;
                }
            }
        }
        return new Drawn(SymbolGrid.roll(grid, parts, shift), constrained, honoured);
    }

    /** The constraint LSTM's output at each position, having read the constraints from the end back to it. */
    private float[][] anticipated(int[][] constraints) {
        int positions = constraints.length * ChoraleParts.COUNT;
        LstmCells cells = new LstmCells(model.constraintWeights(), model.layers(), model.hidden(), 1);
        float[][] anticipated = new float[positions][];
        float[] x = new float[model.placeWidth()];
        for (int t = positions - 1; t >= 0; t--) {
            int part = t % ChoraleParts.COUNT;
            int constraint = constraints[t / ChoraleParts.COUNT][part];
            Arrays.fill(x, 0);
            model.place(constraint < 0 ? -1 : model.token(part, constraint), t, 0, x, 0);
            anticipated[t] = cells.step(0, x).clone();
        }
        return anticipated;
    }

    /** The token LSTM stepped past the token before a position: the logits of the position's part's symbols. */
    private float[] logits(LstmCells cells, int previous, int position, float[] anticipated) {
        float[] x = new float[model.placeWidth() + anticipated.length];
        model.place(previous, position, 0, x, 0);
        System.arraycopy(anticipated, 0, x, model.placeWidth(), anticipated.length);
        float[] all = LstmStepper.logits(cells.step(0, x), outputWeights, outputBias);
        int part = position % ChoraleParts.COUNT;
        return Arrays.copyOfRange(all, model.offset(part), model.offset(part) + parts.symbols(part));
    }

    private int drawn(float[] logits, int part, Sampler sampler) {
        double[] z = new double[logits.length];
        for (int k = 0; k < z.length; k++) {
            z[k] = logits[k];
        }
        return OnsetFirst.draw(z, parts.rest(part), sampler);
    }

    /** Whether a step draws anything of its own: a free cell, or any cell when unforced. */
    private static boolean drawsAny(int[] constraints, boolean forced) {
        return !forced || Arrays.stream(constraints).anyMatch(c -> c < 0);
    }

    /** The rules a step's chord breaks with the chord before it. */
    private int errors(int[][] grid, int step) {
        int[] chord = SymbolGrid.chord(grid, parts, step);
        return chord == null ? 0 : VoiceLeading.errors(step > 0 ? SymbolGrid.chord(grid, parts, step - 1) : null,
                chord);
    }
}
