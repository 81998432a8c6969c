package io.muse4j.models.vae;

import io.muse4j.core.score.Check;
import io.muse4j.core.token.MelodyTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Paths and directions in a {@link MusicVae}'s latent space: straight or spherical interpolation between two latent
 * vectors, and attribute vectors (Roberts et al. 2018, section 5.3): for each {@link MelodyAttribute}, the mean z
 * (mu) of the windows in the top quartile of the attribute minus the mean z of those in the bottom quartile.
 */
public final class LatentSpace {
    /** Windows encoded at a time when computing attribute vectors. */
    private static final int BATCH = 64;

    private LatentSpace() {
    }

    /**
     * {@code points} latent vectors from {@code a} to {@code b}, both included: evenly spaced along the line, or
     * with {@code slerp} along the great circle between them (Shoemake 1985; White 2016), lengths interpolated too.
     */
    public static double[][] interpolate(double[] a, double[] b, int points, boolean slerp) {
        Check.atLeast("interpolation points", points, 2);
        if (a.length != b.length) {
            throw new IllegalArgumentException("latent vectors of " + a.length + " and " + b.length + " values");
        }
        double angle = Math.acos(Math.max(-1, Math.min(1, dot(a, b) / Math.max(1e-12, norm(a) * norm(b)))));
        double[][] path = new double[points][a.length];
        for (int i = 0; i < points; i++) {
            double f = i / (double) (points - 1);
            double wa = 1 - f;
            double wb = f;
            if (slerp && angle > 1e-6) {
                wa = Math.sin((1 - f) * angle) / Math.sin(angle);
                wb = Math.sin(f * angle) / Math.sin(angle);
            }
            for (int d = 0; d < a.length; d++) {
                path[i][d] = wa * a[d] + wb * b[d];
            }
        }
        return path;
    }

    /** {@code z + amount * vector}. */
    public static double[] shifted(double[] z, double[] vector, double amount) {
        double[] out = z.clone();
        for (int d = 0; d < out.length; d++) {
            out[d] += amount * vector[d];
        }
        return out;
    }

    /** Each attribute's vector over the windows, measured through {@code tokenizer}. */
    public static Map<MelodyAttribute, double[]> attributeVectors(MusicVae model, List<int[]> windows,
                                                                   MelodyTokenizer tokenizer) {
        double[][] mu = new double[windows.size()][];
        for (int from = 0; from < windows.size(); from += BATCH) {
            int[][] batch = windows.subList(from, Math.min(from + BATCH, windows.size())).toArray(int[][]::new);
            System.arraycopy(model.encode(batch), 0, mu, from, batch.length);
        }
        Map<MelodyAttribute, double[]> vectors = new EnumMap<>(MelodyAttribute.class);
        for (MelodyAttribute attribute : MelodyAttribute.values()) {
            double[] values = windows.stream().mapToDouble(w -> measure(attribute, w, tokenizer)).toArray();
            vectors.put(attribute, quartileDifference(mu, values));
        }
        return vectors;
    }

    /** An attribute of a token window. */
    public static double measure(MelodyAttribute attribute, int[] window, MelodyTokenizer tokenizer) {
        io.muse4j.core.score.NoteSequence melody = tokenizer.decode(window);
        return attribute.measure(melody, window.length * tokenizer.grid().ticksPerStep());
    }

    /** Mean mu of the top quartile by value minus that of the bottom quartile; windows measuring NaN are left out. */
    static double[] quartileDifference(double[][] mu, double[] values) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(i -> values[i]));
        int quarter = order.size() / 4;
        if (quarter == 0) {
            throw new IllegalArgumentException("too few windows (" + order.size() + ") for attribute quartiles");
        }
        double[] vector = new double[mu[0].length];
        for (int q = 0; q < quarter; q++) {
            double[] top = mu[order.get(order.size() - 1 - q)];
            double[] bottom = mu[order.get(q)];
            for (int d = 0; d < vector.length; d++) {
                vector[d] += (top[d] - bottom[d]) / quarter;
            }
        }
        return vector;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Spearman's rank correlation of two equally long series (ties get their mean rank). */
    public static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return ranks;
    }
}
