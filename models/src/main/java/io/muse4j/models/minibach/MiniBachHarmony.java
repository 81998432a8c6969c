package io.muse4j.models.minibach;

import io.muse4j.core.stats.VoiceLeading;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.core.transform.Transforms;
import io.muse4j.models.sampling.OnsetFirst;
import io.muse4j.models.sampling.Sampler;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A melody harmonised by a {@link MiniBach}: the melody is moved by the semitones that bring it into the soprano's
 * range nearest its middle and read in windows a quarter of a window apart; each step's parts are drawn from the
 * mean log-probabilities of the windows that cover it (so that a step sees the music on both sides of it), left to
 * right; then the parts move back to the melody's key.
 *
 * <p>A part's step is drawn in two stages, so that the many pitches of an onset do not lose one by one to the single
 * hold: onset, rest or hold by their total probabilities, then the pitch of an onset (greedy, at temperature 0: the
 * likeliest of each). The network draws each part on its own, so its parts may move in parallel fifths and octaves,
 * cross or spread apart; with {@code rules}, a step whose chord breaks these rules ({@link VoiceLeading#errors}) is
 * drawn again, up to {@value #DRAWS} times, and then the likeliest of the {@value #TOP}^3 combinations of each
 * part's likeliest symbols that breaks none is taken, or else the draw or combination that breaks fewest.
 */
final class MiniBachHarmony {
    /** Draws of a step before its likeliest combinations are searched. */
    static final int DRAWS = 16;
    /** Each part's likeliest symbols combined in the search. */
    static final int TOP = 4;
    private static final int LOWER = ChoraleParts.COUNT - 1;

    private MiniBachHarmony() {
    }

    /** The melody (voice 0 of {@code melody}) with alto, tenor and bass below it: a roll of four voices. */
    static VoiceRoll harmonize(MiniBach model, VoiceRoll melody, Sampler sampler, boolean rules) {
        ChoraleParts parts = model.parts();
        int length = melody.length();
        int shift = parts.transposition(melody);
        List<Integer> starts = starts(length, model.window());
        List<VoiceRoll> windows = new ArrayList<>();
        for (int from : starts) {
            windows.add(padded(melody, from, model.window()).transposed(shift));
        }
        INDArray[] probabilities = model.probabilities(model.input(windows));
        double[][][] logits = new double[LOWER][][];
        for (int part = 1; part < ChoraleParts.COUNT; part++) {
            logits[part - 1] = meanLogProbabilities(probabilities[part - 1], starts, model.window(), length);
        }
        Voices voices = new Voices(parts, melody, shift);
        for (int s = 0; s < length; s++) {
            voices.write(s, rules ? ruled(voices, s, logits, sampler) : drawn(parts, s, logits, sampler));
        }
        return voices.roll();
    }

    /** Window starts a quarter of a window apart, the last covering the end. */
    private static List<Integer> starts(int length, int window) {
        int hop = Math.max(1, window / 4);
        List<Integer> starts = new ArrayList<>();
        for (int from = 0; ; from += hop) {
            starts.add(from);
            if (from + window >= length) {
                return starts;
            }
        }
    }

    /** Voice 0 of steps {@code from}.. of the roll, {@code window} steps long, resting past its end. */
    private static VoiceRoll padded(VoiceRoll roll, int from, int window) {
        int[][] pitches = new int[window][1];
        boolean[][] onsets = new boolean[window][1];
        for (int s = 0; s < window; s++) {
            boolean inside = from + s < roll.length();
            pitches[s][0] = inside ? roll.pitch(from + s, 0) : VoiceRoll.REST;
            onsets[s][0] = inside && (roll.onset(from + s, 0) || s == 0 && pitches[s][0] != VoiceRoll.REST);
        }
        return new VoiceRoll(pitches, onsets);
    }

    /** Each step's mean log-probability of each symbol over the windows covering it: [step][symbol]. */
    private static double[][] meanLogProbabilities(INDArray probabilities, List<Integer> starts, int window,
                                                   int length) {
        float[][] rows = MiniBach.log(probabilities).toFloatMatrix();
        double[][] sums = new double[length][rows[0].length];
        int[] counts = new int[length];
        for (int w = 0; w < starts.size(); w++) {
            for (int s = 0; s < window && starts.get(w) + s < length; s++) {
                int step = starts.get(w) + s;
                for (int k = 0; k < rows[0].length; k++) {
                    sums[step][k] += rows[w * window + s][k];
                }
                counts[step]++;
            }
        }
        for (int step = 0; step < length; step++) {
            for (int k = 0; k < sums[step].length; k++) {
                sums[step][k] /= counts[step];
            }
        }
        return sums;
    }

    /** One draw of each lower part's symbol at a step. */
    private static int[] drawn(ChoraleParts parts, int step, double[][][] logits, Sampler sampler) {
        int[] symbols = new int[LOWER];
        for (int p = 0; p < LOWER; p++) {
            symbols[p] = OnsetFirst.draw(logits[p][step], parts.rest(p + 1), sampler);
        }
        return symbols;
    }

    /** The step's symbols, drawn again or searched where their chord breaks the rules (see the class comment). */
    private static int[] ruled(Voices voices, int step, double[][][] logits, Sampler sampler) {
        int[] fewest = null;
        int fewestErrors = Integer.MAX_VALUE;
        List<int[]> searched = null; // made only when every draw broke a rule
        for (int c = 0; fewestErrors > 0 && (searched == null || c - DRAWS < searched.size()); c++) {
            if (c == DRAWS) {
                searched = likeliest(step, logits);
            }
            int[] symbols = c < DRAWS ? drawn(voices.parts, step, logits, sampler) : searched.get(c - DRAWS);
            int errors = voices.errors(step, symbols);
            if (errors < fewestErrors) {
                fewest = symbols;
                fewestErrors = errors;
            }
        }
        return fewest;
    }

    /** The combinations of each part's {@value #TOP} likeliest symbols at a step, likeliest first. */
    private static List<int[]> likeliest(int step, double[][][] logits) {
        int[][] top = new int[LOWER][];
        for (int p = 0; p < LOWER; p++) {
            double[] row = logits[p][step];
            top[p] = IntStream.range(0, row.length).boxed()
                    .sorted(Comparator.comparingDouble(k -> -row[k])).limit(TOP).mapToInt(Integer::intValue).toArray();
        }
        List<int[]> combinations = new ArrayList<>();
        for (int a : top[0]) {
            for (int t : top[1]) {
                for (int b : top[2]) {
                    combinations.add(new int[] {a, t, b});
                }
            }
        }
        combinations.sort(Comparator.comparingDouble(c -> -(logits[0][step][c[0]] + logits[1][step][c[1]]
                + logits[2][step][c[2]])));
        return combinations;
    }

    /** The four voices as they are written, step by step, in the model's key until {@link #roll}. */
    private static final class Voices {
        private final ChoraleParts parts;
        private final VoiceRoll melody;
        private final int shift;
        private final int[][] pitches;
        private final boolean[][] onsets;
        private int[] lastChord;

        Voices(ChoraleParts parts, VoiceRoll melody, int shift) {
            this.parts = parts;
            this.melody = melody;
            this.shift = shift;
            pitches = new int[melody.length()][ChoraleParts.COUNT];
            onsets = new boolean[melody.length()][ChoraleParts.COUNT];
        }

        /** The rules broken by the chord these symbols would make at the step, after the last chord. */
        int errors(int step, int[] symbols) {
            int[] chord = new int[ChoraleParts.COUNT];
            boolean starts = melody.onset(step, 0);
            chord[0] = melody.pitch(step, 0) == VoiceRoll.REST ? VoiceRoll.REST : melody.pitch(step, 0) + shift;
            for (int p = 1; p < ChoraleParts.COUNT; p++) {
                chord[p] = pitch(step, p, symbols[p - 1]);
                starts |= parts.pitch(p, symbols[p - 1]) >= 0;
            }
            boolean sounding = Arrays.stream(chord).noneMatch(pitch -> pitch == VoiceRoll.REST);
            return sounding && starts ? VoiceLeading.errors(lastChord, chord) : 0;
        }

        /** Writes the step's symbols; a hold with nothing sounding is a rest. */
        void write(int step, int[] symbols) {
            int[] chord = new int[ChoraleParts.COUNT];
            boolean starts = melody.onset(step, 0);
            pitches[step][0] = melody.pitch(step, 0);
            onsets[step][0] = melody.onset(step, 0);
            chord[0] = pitches[step][0] == VoiceRoll.REST ? VoiceRoll.REST : pitches[step][0] + shift;
            for (int p = 1; p < ChoraleParts.COUNT; p++) {
                chord[p] = pitch(step, p, symbols[p - 1]);
                onsets[step][p] = parts.pitch(p, symbols[p - 1]) >= 0;
                starts |= onsets[step][p];
                pitches[step][p] = chord[p] == VoiceRoll.REST ? VoiceRoll.REST
                        : Transforms.foldIntoRange(chord[p] - shift, 0, 127);
            }
            if (starts && Arrays.stream(chord).noneMatch(pitch -> pitch == VoiceRoll.REST)) {
                lastChord = chord;
            }
        }

        /** The pitch (in the model's key) a part's symbol gives at a step, or a rest. */
        private int pitch(int step, int part, int symbol) {
            int pitch = parts.pitch(part, symbol);
            if (pitch >= 0) {
                return pitch;
            }
            boolean held = symbol == parts.hold(part) && step > 0 && pitches[step - 1][part] != VoiceRoll.REST;
            return held ? pitches[step - 1][part] + shift : VoiceRoll.REST;
        }

        VoiceRoll roll() {
            return new VoiceRoll(pitches, onsets);
        }
    }
}
