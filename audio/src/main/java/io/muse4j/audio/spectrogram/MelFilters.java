package io.muse4j.audio.spectrogram;

import java.util.Locale;

/**
 * Triangular mel filters over the bins of an STFT: band {@code m} rises from 0 at the edge {@code m} to 1 at edge
 * {@code m + 1} and falls to 0 at edge {@code m + 2}, the {@code bands + 2} edges being spaced evenly in mels.
 * Each band keeps only the bins it weighs, as {@code first} and {@code weights}.
 */
final class MelFilters {
    final int[] first;
    final float[][] weights;

    private MelFilters(int[] first, float[][] weights) {
        this.first = first;
        this.weights = weights;
    }

    static MelFilters of(MelSettings s) {
        return build(s.stft(), s.bands(), s.minHz(), s.maxHz());
    }

    /** Fails naming the first band that no FFT bin falls in (too many bands for the window). */
    static void check(StftSettings stft, int bands, double minHz, double maxHz) {
        MelFilters f = build(stft, bands, minHz, maxHz);
        for (int m = 0; m < bands; m++) {
            if (f.weights[m].length == 0) {
                double[] edges = edges(bands, minHz, maxHz);
                throw new IllegalArgumentException(String.format(Locale.ROOT, "mel band %d of %d (%.1f..%.1f Hz) holds "
                        + "no FFT bin: bins are %.1f Hz apart at window %d; use fewer bands or a longer window",
                        m + 1, bands, edges[m], edges[m + 2], stft.binHz(1), stft.window()));
            }
        }
    }

    /** The centre frequency of each band in Hz. */
    static double[] centres(MelSettings s) {
        double[] edges = edges(s.bands(), s.minHz(), s.maxHz());
        double[] centres = new double[s.bands()];
        System.arraycopy(edges, 1, centres, 0, centres.length);
        return centres;
    }

    private static double[] edges(int bands, double minHz, double maxHz) {
        double lo = MelSettings.mel(minHz);
        double hi = MelSettings.mel(maxHz);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = MelSettings.hz(lo + (hi - lo) * i / (bands + 1));
        }
        return edges;
    }

    private static MelFilters build(StftSettings stft, int bands, double minHz, double maxHz) {
        double[] edges = edges(bands, minHz, maxHz);
        int[] first = new int[bands];
        float[][] weights = new float[bands][];
        for (int m = 0; m < bands; m++) {
            double left = edges[m];
            double centre = edges[m + 1];
            double right = edges[m + 2];
            int from = (int) Math.ceil(left / stft.binHz(1));
            int to = Math.min(stft.bins() - 1, (int) Math.floor(right / stft.binHz(1)));
            float[] w = new float[Math.max(0, to - from + 1)];
            int kept = 0;
            int start = -1;
            for (int k = from; k <= to; k++) {
                double f = stft.binHz(k);
                double v = f <= centre ? (f - left) / (centre - left) : (right - f) / (right - centre);
                if (v > 0) {
                    start = start < 0 ? k : start;
                    w[k - start] = (float) v;
                    kept = k - start + 1;
                }
            }
            first[m] = Math.max(0, start);
            weights[m] = java.util.Arrays.copyOf(w, kept);
        }
        return new MelFilters(first, weights);
    }
}
