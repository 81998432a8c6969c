package io.muse4j.models.deepbach;

import io.muse4j.core.stats.VoiceLeading;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.SymbolGrid;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.models.sampling.OnsetFirst;
import io.muse4j.models.sampling.Sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * DeepBach's pseudo-Gibbs sampling: the chosen cells (step, part) of a chorale start as random symbols; then, again
 * and again, one of them, picked at random, is drawn afresh from the model's distribution given everything else,
 * while every other cell stays as it is; each draw is onset, rest or hold first, then the pitch ({@link OnsetFirst}).
 * The first {@value #ANNEALED} of the draws are hotter, from {@value #START_HEAT} times the sampler's temperature
 * down to it, so that the start's random symbols are forgotten before the sampler's own temperature takes over.
 *
 * <p>With {@code rules}, a draw whose chord breaks the voice-leading rules ({@link VoiceLeading#errors}: parallel
 * fifths and octaves with the chords on either side, crossing, wide spacing) is drawn again, up to {@value #DRAWS}
 * times; then the likeliest of the symbols that break fewest rules is taken.
 */
final class PseudoGibbs {
    /** Draws of each chosen cell, on average, unless told. */
    static final int SWEEPS = 24;
    /** How much hotter the first draw is than the sampler's temperature. */
    static final double START_HEAT = 3.0;
    /** The share of the draws over which the heat falls to 1. */
    static final double ANNEALED = 0.5;
    /** Draws of a cell, with the rules, before every symbol is weighed. */
    static final int DRAWS = 16;

    private PseudoGibbs() {
    }

    /**
     * The roll with its {@code free} cells ([step][part]; steps past the roll's end rest unless drawn) drawn afresh,
     * moved into the model's range for drawing and back; every other cell is as it was, except that a note held
     * over from a free cell into a fixed one is struck again where the fixed cells begin.
     */
    static VoiceRoll regenerate(DeepBach model, VoiceRoll roll, boolean[][] free, Sampler sampler, int sweeps,
                                long seed, boolean rules) {
        ChoraleParts parts = model.parts();
        int shift = parts.transposition(roll);
        int[][] grid = SymbolGrid.of(roll, parts, shift, free.length);
        SymbolGrid.strikeHeldOver(grid, parts, free);
        List<int[]> cells = new ArrayList<>();
        for (int s = 0; s < free.length; s++) {
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                if (free[s][p]) {
                    cells.add(new int[] {s, p});
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int[] cell : cells) {
            grid[cell[0]][cell[1]] = random.nextInt(parts.symbols(cell[1]));
        }
        Conditionals conditionals = model.conditionals();
        long draws = (long) sweeps * cells.size();
        for (long i = 0; i < draws; i++) {
            int[] cell = cells.get(random.nextInt(cells.size()));
            float[] z = conditionals.logits(grid, cell[0], cell[1]);
            double heat = 1 + (START_HEAT - 1) * Math.max(0, 1 - i / (ANNEALED * draws));
            double[] logits = new double[z.length];
            for (int k = 0; k < z.length; k++) {
                logits[k] = z[k] / heat;
            }
            grid[cell[0]][cell[1]] = rules ? ruled(grid, parts, cell[0], cell[1], logits, sampler)
                    : OnsetFirst.draw(logits, parts.rest(cell[1]), sampler);
        }
        return SymbolGrid.roll(grid, parts, shift);
    }

    /**
     * A draw of the cell that breaks no rule; if {@value #DRAWS} draws all break one, the likeliest symbol of those
     * that break fewest.
     */
    private static int ruled(int[][] grid, ChoraleParts parts, int step, int part, double[] logits,
                             Sampler sampler) {
        for (int d = 0; d < DRAWS; d++) {
            grid[step][part] = OnsetFirst.draw(logits, parts.rest(part), sampler);
            if (errors(grid, parts, step) == 0) {
                return grid[step][part];
            }
        }
        int best = -1;
        int fewest = Integer.MAX_VALUE;
        for (int symbol = 0; symbol < logits.length; symbol++) {
            grid[step][part] = symbol;
            int errors = errors(grid, parts, step);
            if (errors < fewest || errors == fewest && logits[symbol] > logits[best]) {
                fewest = errors;
                best = symbol;
            }
        }
        return best;
    }

    /** The rules the chord at a step breaks, and those it breaks with the chords before and after it. */
    private static int errors(int[][] grid, ChoraleParts parts, int step) {
        int[] chord = SymbolGrid.chord(grid, parts, step);
        if (chord == null) {
            return 0;
        }
        int[] after = step + 1 < grid.length ? SymbolGrid.chord(grid, parts, step + 1) : null;
        return VoiceLeading.errors(step > 0 ? SymbolGrid.chord(grid, parts, step - 1) : null, chord)
                + (after == null ? 0 : VoiceLeading.errors(chord, after) - VoiceLeading.errors(null, after));
    }
}
