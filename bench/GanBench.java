import io.muse4j.models.ModelKinds;
import io.muse4j.core.metrics.MusicMetrics;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.NoteFeatures;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.gan.crnngan.CrnnGan;
import io.muse4j.models.gan.crnngan.CrnnGanTraining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Statistics of a C-RNN-GAN's music against the music it was trained on, for BENCHMARKS.md: 100 generated pieces
 * (seeds 1..100, the model's training length in notes) against 100 windows of as many notes drawn (seed 1) from
 * the corpus's training split, as training draws them, each statistic's mean and standard deviation side by side with the two-sample
 * Kolmogorov-Smirnov distance, their mean (the validation "distance"), and the share of distinct pieces among the
 * 100 generated (near-duplicates: 90% of notes the same). Usage: java -cp ... bench/GanBench.java MODEL CORPUS
 * [STEPS_PER_QUARTER]; prints a Markdown table.
 */
public class GanBench {
    public static void main(String[] args) throws Exception {
        java.io.PrintStream results = System.out;
        System.setOut(System.err);
        Path modelFile = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        int grid = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        CrnnGan gan = ModelKinds.load(modelFile).as(CrnnGan.class, "a crnngan model");
        int length = gan.config().length();
        List<NoteSequence> generated = new ArrayList<>();
        for (int seed = 1; seed <= 100; seed++) {
            generated.add(gan.sample(seed, length, 0));
        }
        PianoRollCodec rolls = new EncodingSpec.PianoRoll(grid).codec();
        List<CorpusItem> train = CorpusSplits.forTraining(corpus, CorpusSplits.load(corpus, rolls), rolls, 0.1, 1)
                .train();
        List<NoteSequence> real = new ArrayList<>();
        for (float[][] window : new CrnnGanTraining.NoteWindows(CrnnGanTraining.features(train, 0), length)
                .batch(1, 0, 1, 100).real(0)) {
            real.add(NoteFeatures.decode(window));
        }
        results.printf(Locale.ROOT, "| statistic | training music (mean ± sd) | generated (mean ± sd) | KS distance |%n");
        results.printf("| --- | ---: | ---: | ---: |%n");
        for (Map.Entry<String, ToDoubleFunction<NoteSequence>> s : MusicMetrics.statistics().entrySet()) {
            double[] r = MusicMetrics.values(real, s.getValue());
            double[] g = MusicMetrics.values(generated, s.getValue());
            results.printf(Locale.ROOT, "| %s | %.3f ± %.3f | %.3f ± %.3f | %.2f |%n", s.getKey(), MusicMetrics.mean(r),
                    sd(r), MusicMetrics.mean(g), sd(g), MusicMetrics.ksDistance(r, g));
        }
        results.printf(Locale.ROOT, "| **mean KS distance** | | | **%.3f** |%n", MusicMetrics.distance(generated, real));
        results.printf(Locale.ROOT, "%nDistinct pieces among 100 generated: %.0f%% (training windows: %.0f%%)%n",
                100 * MusicMetrics.distinctShare(generated, 0.9), 100 * MusicMetrics.distinctShare(real, 0.9));
    }

    private static double sd(double[] values) {
        double mean = MusicMetrics.mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0));
    }
}
