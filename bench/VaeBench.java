import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.LanguageModelTraining;
import io.muse4j.models.LatentSpace;
import io.muse4j.models.MelodyAttribute;
import io.muse4j.models.MelodyWindows;
import io.muse4j.models.MusicVae;
import io.muse4j.models.SavedVae;
import io.muse4j.models.VaeFile;
import io.muse4j.models.VaeTraining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Interpolation and attribute control of a MusicVAE on held-out (validation) windows: validity of every decoded
 * point under the melody grammar, Spearman's rho of an attribute along 7-point paths between windows that differ in
 * it, and the mean measured attribute of decodings of z + A * vector. Usage: VaeBench MODEL CORPUS.
 */
public class VaeBench {
    static final int PAIRS = 20;
    static final int POINTS = 7;
    static final int EDITED = 50;

    public static void main(String[] args) throws Exception {
        SavedVae saved = VaeFile.load(Path.of(args[0]));
        MusicVae vae = saved.model();
        MelodyTokenizer tokenizer = VaeTraining.melody(saved.tokenizer());
        double fraction = Double.parseDouble(saved.training().get("validFraction"));
        long seed = Long.parseLong(saved.training().get("seed"));
        List<CorpusItem> valid = CorpusSplits.pieces(Path.of(args[1]), CorpusSplits.Split.VALID,
                LanguageModelTraining.rollsFor(saved.tokenizer()), fraction, seed);
        List<int[]> windows = new ArrayList<>(new MelodyWindows(tokenizer, vae.config().bars(),
                vae.config().stepsPerBar()).extract(valid.stream().map(CorpusItem::score).toList()).windows());
        Collections.shuffle(windows, new Random(7));
        String name = Path.of(args[0]).getFileName().toString();
        for (MelodyAttribute attribute : List.of(MelodyAttribute.NOTE_DENSITY, MelodyAttribute.PITCH_MEAN)) {
            for (boolean slerp : new boolean[] {false, true}) {
                interpolation(name, vae, tokenizer, windows, attribute, slerp);
            }
        }
        for (MelodyAttribute attribute : MelodyAttribute.values()) {
            control(name, vae, tokenizer, windows.subList(0, Math.min(EDITED, windows.size())), attribute,
                    saved.attributes().get(attribute));
        }
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

    static void control(String name, MusicVae vae, MelodyTokenizer tokenizer, List<int[]> windows,
                        MelodyAttribute attribute, double[] vector) {
        double[][] mu = vae.encode(windows.toArray(int[][]::new));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "attribute %s %s:", name,
                attribute.label()));
        for (double amount : new double[] {-2, -1, 0, 1, 2}) {
            double[][] z = new double[mu.length][];
            for (int i = 0; i < mu.length; i++) {
                z[i] = LatentSpace.shifted(mu[i], vector, amount);
            }
            double sum = 0;
            int count = 0;
            for (int[] out : vae.decode(z, 0, 0)) {
                double v = LatentSpace.measure(attribute, out, tokenizer);
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            line.append(String.format(Locale.ROOT, " A=%+.0f %.3f (%d)", amount, sum / count, count));
        }
        System.out.println(line);
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
