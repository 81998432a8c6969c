import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.vae.LatentSpace;
import io.muse4j.models.vae.MelodyAttribute;
import io.muse4j.corpora.batch.MelodyWindows;
import io.muse4j.models.vae.MusicVae;
import io.muse4j.models.vae.SavedVae;
import io.muse4j.models.vae.VaeFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Interpolation and attribute control of a MusicVAE on held-out (validation) windows: validity of every decoded
 * point under the melody grammar, Spearman's rho of an attribute along 7-point paths between windows that differ in
 * it, how well mu's projection on each attribute vector ranks the attribute, and the mean measured attribute of
 * decodings of z + A * vector, greedy and sampled; first, free-running reconstruction accuracy bar by bar (where a
 * decoder that loses z over a long window falls behind). Usage: VaeBench MODEL CORPUS [--bars-only].
 */
public class VaeBench {
    static final int PAIRS = 20;
    static final int POINTS = 7;
    static final int EDITED = 50;
    static final int ALIGNED = 500;
    static final int BY_BAR = 300;
    static final int DRAWS = 8;
    static final double TEMPERATURE = 0.5;

    public static void main(String[] args) throws Exception {
        SavedVae saved = VaeFile.load(Path.of(args[0]));
        MusicVae vae = saved.model();
        MelodyTokenizer tokenizer = saved.tokenizer();
        double fraction = Double.parseDouble(saved.training().get("validFraction"));
        long seed = Long.parseLong(saved.training().get("seed"));
        List<CorpusItem> valid = CorpusSplits.pieces(Path.of(args[1]), CorpusSplits.Split.VALID,
                saved.encoding().rolls(), fraction, seed);
        List<int[]> windows = new ArrayList<>(new MelodyWindows(tokenizer, vae.config().bars(),
                vae.config().stepsPerBar()).extract(valid.stream().map(CorpusItem::score).toList()).windows());
        Collections.shuffle(windows, new Random(7));
        String name = Path.of(args[0]).getFileName().toString();
        accuracyByBar(name, vae, windows.subList(0, Math.min(BY_BAR, windows.size())));
        if (args.length > 2 && args[2].equals("--bars-only")) {
            return;
        }
        for (MelodyAttribute attribute : List.of(MelodyAttribute.NOTE_DENSITY, MelodyAttribute.PITCH_MEAN)) {
            for (boolean slerp : new boolean[] {false, true}) {
                interpolation(name, vae, tokenizer, windows, attribute, slerp);
            }
        }
        cosines(name, saved.attributes());
        for (MelodyAttribute attribute : MelodyAttribute.values()) {
            alignment(name, vae, tokenizer, windows.subList(0, Math.min(ALIGNED, windows.size())), attribute,
                    saved.attributes().get(attribute));
            control(name, vae, tokenizer, windows.subList(0, Math.min(EDITED, windows.size())), attribute,
                    saved.attributes().get(attribute));
        }
    }

    /** Greedy reconstructions from mu: the share of tokens right in each bar of the window. */
    static void accuracyByBar(String name, MusicVae vae, List<int[]> windows) {
        int[][] batch = windows.toArray(int[][]::new);
        int[][] decoded = vae.decode(vae.encode(batch), 0, 0);
        int bars = vae.config().bars();
        int steps = vae.config().stepsPerBar();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "sampled accuracy by bar %s over %d held-out windows:", name, batch.length));
        for (int bar = 0; bar < bars; bar++) {
            int right = 0;
            for (int w = 0; w < batch.length; w++) {
                for (int t = bar * steps; t < (bar + 1) * steps; t++) {
                    right += decoded[w][t] == batch[w][t] ? 1 : 0;
                }
            }
            line.append(String.format(Locale.ROOT, " %d:%.3f", bar + 1, right / (double) (batch.length * steps)));
        }
        System.out.println(line);
    }

    static void interpolation(String name, MusicVae vae, MelodyTokenizer tokenizer, List<int[]> windows,
                              MelodyAttribute attribute, boolean slerp) {
        int valid = 0;
        int points = 0;
        double rhoSum = 0;
        int rhoCount = 0;
        int increasing = 0;
        for (int p = 0; p < PAIRS; p++) {
            int[] a = windows.get(2 * p);
            int[] b = windows.get(2 * p + 1);
            double va = LatentSpace.measure(attribute, a, tokenizer);
            double vb = LatentSpace.measure(attribute, b, tokenizer);
            if (va > vb) {
                int[] swap = a;
                a = b;
                b = swap;
            }
            double[][] mu = vae.encode(new int[][] {a, b});
            int[][] decoded = vae.decode(LatentSpace.interpolate(mu[0], mu[1], POINTS, slerp), 0, 0);
            double[] index = new double[POINTS];
            double[] values = new double[POINTS];
            for (int i = 0; i < POINTS; i++) {
                index[i] = i;
                values[i] = LatentSpace.measure(attribute, decoded[i], tokenizer);
                valid += validMelody(decoded[i], tokenizer) ? 1 : 0;
                points++;
            }
            double rho = LatentSpace.spearman(index, values);
            if (!Double.isNaN(rho)) {
                rhoSum += rho;
                rhoCount++;
                increasing += rho > 0 ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "interpolation %s %s %s: valid %d/%d points, mean Spearman rho %.3f over %d "
                + "paths (%d rising)%n", name, slerp ? "slerp" : "lerp", attribute.label(), valid, points,
                rhoSum / rhoCount, rhoCount, increasing);
    }

    /**
     * Mean attribute of the windows decoded from mu + A * vector for A = -2..+2: greedily, and averaged over
     * {@link #DRAWS} samplings at temperature {@link #TEMPERATURE} (Magenta's default for sampling).
     */
    static void control(String name, MusicVae vae, MelodyTokenizer tokenizer, List<int[]> windows,
                        MelodyAttribute attribute, double[] vector) {
        double[][] mu = vae.encode(windows.toArray(int[][]::new));
        StringBuilder greedy = new StringBuilder(String.format(Locale.ROOT, "attribute %s %s greedy:", name,
                attribute.label()));
        StringBuilder sampled = new StringBuilder(String.format(Locale.ROOT, "attribute %s %s t=%.1f x%d:", name,
                attribute.label(), TEMPERATURE, DRAWS));
        for (double amount : new double[] {-2, -1, 0, 1, 2}) {
            double[][] z = new double[mu.length][];
            for (int i = 0; i < mu.length; i++) {
                z[i] = LatentSpace.shifted(mu[i], vector, amount);
            }
            greedy.append(String.format(Locale.ROOT, " A=%+.0f %.3f", amount,
                    meanAttribute(vae.decode(z, 0, 0), attribute, tokenizer)));
            double sum = 0;
            for (int draw = 0; draw < DRAWS; draw++) {
                sum += meanAttribute(vae.decode(z, TEMPERATURE, 1000 + draw), attribute, tokenizer);
            }
            sampled.append(String.format(Locale.ROOT, " A=%+.0f %.3f", amount, sum / DRAWS));
        }
        System.out.println(greedy);
        System.out.println(sampled);
    }

    /** The cosine of every pair of attribute vectors: how far each is its own direction. */
    static void cosines(String name, java.util.Map<MelodyAttribute, double[]> vectors) {
        MelodyAttribute[] all = MelodyAttribute.values();
        StringBuilder line = new StringBuilder("vector cosines " + name + ":");
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                double[] a = vectors.get(all[i]);
                double[] b = vectors.get(all[j]);
                line.append(String.format(Locale.ROOT, " %s/%s %.2f", all[i].label(), all[j].label(),
                        dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b))));
            }
        }
        System.out.println(line);
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    /** Mean attribute of the windows that have notes. */
    static double meanAttribute(int[][] windows, MelodyAttribute attribute, MelodyTokenizer tokenizer) {
        return java.util.Arrays.stream(windows).mapToDouble(w -> LatentSpace.measure(attribute, w, tokenizer))
                .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    /**
     * Spearman's rho, over held-out windows, between mu's projection on the attribute vector and the window's
     * measured attribute: positive when the vector points the right way, and larger the more z knows of it.
     */
    static void alignment(String name, MusicVae vae, MelodyTokenizer tokenizer, List<int[]> windows,
                          MelodyAttribute attribute, double[] vector) {
        double[][] mu = vae.encode(windows.toArray(int[][]::new));
        double[] projection = new double[mu.length];
        double[] measured = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            projection[i] = dot(mu[i], vector);
            measured[i] = LatentSpace.measure(attribute, windows.get(i), tokenizer);
        }
        System.out.printf(Locale.ROOT, "alignment %s %s: rho(mu . vector, attribute) %.3f over %d held-out windows%n",
                name, attribute.label(), LatentSpace.spearman(projection, measured), mu.length);
    }

    /**
     * Valid under the melody grammar: every id in the vocabulary, no NOTE_OFF where nothing sounds (after the
     * window's first note-on), and decoding then encoding gives the tokens back (up to trailing rests).
     */
    static boolean validMelody(int[] tokens, MelodyTokenizer tokenizer) {
        boolean sounding = false;
        boolean started = false;
        for (int id : tokens) {
            if (id < 0 || id >= tokenizer.vocabulary().size()) {
                return false;
            }
            if (id == MelodyTokenizer.NOTE_OFF) {
                if (started && !sounding) {
                    return false;
                }
                sounding = false;
            } else if (id != MelodyTokenizer.NO_EVENT) {
                sounding = true;
                started = true;
            }
        }
        int first = 0;
        while (first < tokens.length && (tokens[first] == MelodyTokenizer.NO_EVENT
                || tokens[first] == MelodyTokenizer.NOTE_OFF)) {
            first++;
        }
        int[] body = java.util.Arrays.copyOfRange(tokens, first, tokens.length);
        int[] again = tokenizer.encode(tokenizer.decode(body));
        for (int i = 0; i < again.length; i++) {
            int expected = i < body.length ? body[i] : MelodyTokenizer.NOTE_OFF;
            if (again[i] != expected) {
                return false;
            }
        }
        return true;
    }
}
