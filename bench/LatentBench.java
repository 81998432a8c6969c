import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.stats.KeyEstimate;
import io.muse4j.core.stats.PieceSet;
import io.muse4j.core.stats.StatisticComparison;
import io.muse4j.core.stats.StatsReport;
import io.muse4j.core.stats.VoiceLeading;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.core.transform.Slicing;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.LatentModel;
import io.muse4j.models.kind.SavedModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Windows decoded from a latent model of four-part chorales (DeepHear) against the real windows of one split of a
 * four-part corpus (Jsb16thSeparated.json): every whole window of each chorale, as the model's window long. Rows: the
 * real windows against themselves (the classifier's floor); the real windows encoded and decoded again
 * (reconstruction); COUNT windows decoded from codes drawn from the model's prior; each at every TEMPERATURE. For
 * each: voice-leading errors per 100 chords and the share of notes in the window's key, the share of distinct windows,
 * and the statistics evaluator's comparison with the real windows (classifier two-sample accuracy over 10 fold
 * assignments, mean and largest KS distance). Usage: LatentBench MODEL CORPUS SPLIT COUNT [TEMPERATURE...] (default
 * temperature 0).
 */
public class LatentBench {
    public static void main(String[] args) throws Exception {
        SavedModel saved = ModelKinds.load(Path.of(args[0]));
        LatentModel latent = saved.kind().latent(saved);
        List<CorpusItem> chorales = CorpusSplits.pieces(Path.of(args[1]),
                CorpusSplits.Split.valueOf(args[2].toUpperCase(Locale.ROOT)), new PianoRollCodec(GridConfig.SIXTEENTHS),
                0.1, 1);
        int count = Integer.parseInt(args[3]);
        List<Double> temperatures = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            temperatures.add(Double.parseDouble(args[i]));
        }
        if (temperatures.isEmpty()) {
            temperatures.add(0.0);
        }
        List<NoteSequence> real = new ArrayList<>();
        for (CorpusItem chorale : chorales) {
            NoteSequence score = chorale.score();
            long window = Math.round((double) latent.windowSteps() * score.resolution() / latent.stepsPerQuarter());
            for (long from = 0; from + window <= lastTick(score); from += window) {
                real.add(Slicing.slice(score, from, from + window));
            }
        }
        System.out.printf(Locale.ROOT, "%s, %s split: %d chorales, %d whole windows of %d steps; %d windows "
                + "generated a row%n", args[0], args[2], chorales.size(), real.size(), latent.windowSteps(), count);
        report("real", real, real);
        for (double t : temperatures) {
            List<NoteSequence> reconstructed = new ArrayList<>();
            for (int i = 0; i < real.size(); i++) {
                double[] code = latent.encode(real.get(i), "window " + i, line -> { });
                reconstructed.add(latent.decode(new double[][] {code}, t, i).get(0));
            }
            report("reconstructed, T " + t, reconstructed, real);
            report("prior, T " + t, decoded(latent, latent.prior(count, new Random(1)), t), real);
        }
    }

    static List<NoteSequence> decoded(LatentModel latent, double[][] codes, double temperature) {
        long start = System.nanoTime();
        List<NoteSequence> windows = latent.decode(codes, temperature, 1);
        System.out.printf(Locale.ROOT, "(%.2f ms a window)%n", (System.nanoTime() - start) / 1e6 / codes.length);
        return windows;
    }

    static void report(String name, List<NoteSequence> windows, List<NoteSequence> real) {
        VoiceLeading errors = VoiceLeading.NONE;
        for (NoteSequence window : windows) {
            errors = errors.plus(VoiceLeading.of(VoiceRoll.of(window, 4, 4), KeyEstimate.of(window)));
        }
        Function<NoteSequence, List<Note>> plain = w -> w.notes().stream()
                .map(n -> Note.of(n.pitch(), 100, n.startTick(), n.durationTicks())).toList();
        double distinct = (double) new HashSet<>(windows.stream().map(plain).toList()).size() / windows.size();
        StatsReport stats = StatsReport.compare(PieceSet.of(windows), PieceSet.of(real), 1);
        double meanKs = stats.comparisons().stream().mapToDouble(StatisticComparison::ks).average().orElse(0);
        StatisticComparison worst = stats.comparisons().stream()
                .max((x, y) -> Double.compare(x.ks(), y.ks())).orElseThrow();
        System.out.printf(Locale.ROOT, "%-22s %5d chords, par. 5ths %.2f, 8ves %.2f, crossings %.2f, range %.2f, "
                        + "spacing %.2f, in key %.3f, distinct %.3f | vs real: classifier %.3f +- %.3f, mean KS %.3f, "
                        + "largest KS %.3f (%s)%n", name, errors.chords(), errors.per100Chords(errors.parallelFifths()),
                errors.per100Chords(errors.parallelOctaves()), errors.per100Chords(errors.crossings()),
                errors.per100Chords(errors.outOfRange()), errors.per100Chords(errors.wideSpacings()),
                errors.inKeyShare(), distinct, stats.classifierMean(), stats.classifierSd(), meanKs, worst.ks(),
                worst.name());
    }

    static long lastTick(NoteSequence score) {
        return score.notes().stream().mapToLong(Note::endTick).max().orElse(0);
    }
}
