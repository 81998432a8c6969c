package io.muse4j.audio.transcription;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks note onsets from spectral flux (Dixon 2006, "Onset detection revisited"): a frame is an onset where its
 * flux is the largest within {@link #PEAK_FRAMES} frames either side, exceeds the mean of the frames around it by
 * {@link #DELTA} of the recording's flux scale, and comes at least {@link #MIN_GAP_FRAMES} after the last onset.
 */
final class Onsets {
    static final int PEAK_FRAMES = FrameFeatures.frames(0.023);
    static final int MEAN_BEFORE = FrameFeatures.frames(0.070);
    static final int MEAN_AFTER = FrameFeatures.frames(0.023);
    static final double DELTA = 0.12;
    static final int MIN_GAP_FRAMES = FrameFeatures.frames(0.035);

    private Onsets() {
    }

    /** The onset frames, rising. */
    static int[] pick(float[] flux) {
        double scale = scale(flux);
        List<Integer> onsets = new ArrayList<>();
        int last = -MIN_GAP_FRAMES;
        for (int i = 0; i < flux.length; i++) {
            if (i - last < MIN_GAP_FRAMES || !isPeak(flux, i)) {
                continue;
            }
            double mean = 0;
            int from = Math.max(0, i - MEAN_BEFORE);
            int to = Math.min(flux.length - 1, i + MEAN_AFTER);
            for (int j = from; j <= to; j++) {
                mean += flux[j];
            }
            mean /= to - from + 1;
            if (flux[i] >= mean + DELTA * scale) {
                onsets.add(i);
                last = i;
            }
        }
        return onsets.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isPeak(float[] flux, int i) {
        for (int j = Math.max(0, i - PEAK_FRAMES); j <= Math.min(flux.length - 1, i + PEAK_FRAMES); j++) {
            if (flux[j] > flux[i] || (flux[j] == flux[i] && j < i)) {
                return false;
            }
        }
        return flux[i] > 0;
    }

    /** A robust top of the flux: its 99th percentile, so one click does not set the scale. */
    private static double scale(float[] flux) {
        float[] sorted = flux.clone();
        java.util.Arrays.sort(sorted);
        return Math.max(1e-6, sorted[(int) Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]);
    }
}
