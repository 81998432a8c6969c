import io.muse4j.models.ModelKinds;
import io.muse4j.core.metrics.MusicMetrics;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.LeadSheetBars;
import io.muse4j.core.token.LeadSheetBars.Bar;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.corpora.Splits;
import io.muse4j.models.gan.midinet.MidiNet;
import io.muse4j.models.gan.midinet.MidiNetTraining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * MidiNet's results for BENCHMARKS.md, for a chord-conditioned model and its unconditioned control: each continues
 * up to 100 held-out 8-bar phrases (the first 8 bars of validation runs, untransposed, drawn with seed 1): after the
 * phrase's first bar it generates the other 7 (seeds 1..100) under the phrase's chords. Prints the statistics of
 * the 7-bar pieces against as many phrases of the training split (their last 7 bars) (each statistic's mean and sd, the Kolmogorov-Smirnov
 * distance and their mean), the share of distinct pieces, and the share of melody notes (onsets) in the scale of the
 * chord of their bar ({@code ChordSymbol.inScale}), with the held-out melodies themselves as the reference.
 * Usage: java -cp ... bench/MidiNetBench.java CONDITIONED.m4j UNCONDITIONED.m4j CORPUS; prints Markdown.
 */
public class MidiNetBench {
    static final int BARS = 8;

    public static void main(String[] args) throws Exception {
        java.io.PrintStream results = System.out;
        System.setOut(System.err);
        Path corpus = Path.of(args[2]);
        PianoRollCodec rolls = new EncodingSpec.PianoRoll(4).codec();
        Splits splits = CorpusSplits.forTraining(corpus, CorpusSplits.load(corpus, rolls), rolls, 0.1, 1);
        List<List<Bar>> train = phrases(MidiNetTraining.runs(splits.train(), 0));
        List<List<Bar>> valid = phrases(MidiNetTraining.runs(splits.valid(), 0));
        List<NoteSequence> real = new ArrayList<>();
        train.forEach(p -> real.add(LeadSheetBars.decode(p.stream().skip(1).map(Bar::steps).toList())));
        int[][] chords = valid.stream().map(p -> p.stream().skip(1).mapToInt(Bar::chord).toArray())
                .toArray(int[][]::new);
        List<List<int[]>> reference = new ArrayList<>();
        valid.forEach(p -> reference.add(p.stream().skip(1).map(Bar::steps).toList()));
        results.printf(Locale.ROOT, "%d training and %d held-out phrases of %d bars%n%n", train.size(), valid.size(),
                BARS);
        results.printf(Locale.ROOT, "| model | notes in the chord's scale | notes a bar | distinct pieces | "
                + "mean KS distance |%n");
        results.printf("| --- | ---: | ---: | ---: | ---: |%n");
        results.printf(Locale.ROOT, "| held-out melodies (reference) | %.1f%% | %.1f | %.0f%% | |%n",
                100 * inScale(reference, chords), notesPerBar(decoded(reference)),
                100 * MusicMetrics.distinctShare(decoded(reference), 0.9));
        List<List<NoteSequence>> generated = new ArrayList<>();
        for (String file : List.of(args[0], args[1])) {
            MidiNet net = ModelKinds.load(Path.of(file)).as(MidiNet.class, "a midinet model");
            List<List<int[]>> pieces = new ArrayList<>();
            for (int n = 0; n < chords.length; n++) {
                pieces.add(net.generate(List.of(valid.get(n).get(0).steps()), new int[][] {chords[n]}, n + 1).get(0));
            }
            List<NoteSequence> scores = decoded(pieces);
            generated.add(scores);
            results.printf(Locale.ROOT, "| %s | %.1f%% | %.1f | %.0f%% | %.3f |%n", Path.of(file).getFileName(),
                    100 * inScale(pieces, chords), notesPerBar(scores), 100 * MusicMetrics.distinctShare(scores, 0.9),
                    MusicMetrics.distance(scores, real));
        }
        results.printf(Locale.ROOT, "%n| statistic | training phrases | conditioned | KS | unconditioned | KS |%n");
        results.printf("| --- | ---: | ---: | ---: | ---: | ---: |%n");
        for (Map.Entry<String, ToDoubleFunction<NoteSequence>> s : MusicMetrics.statistics().entrySet()) {
            double[] r = MusicMetrics.values(real, s.getValue());
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s", s.getKey(), meanSd(r)));
            for (List<NoteSequence> g : generated) {
                double[] v = MusicMetrics.values(g, s.getValue());
                row.append(String.format(Locale.ROOT, " | %s | %.2f", meanSd(v), MusicMetrics.ksDistance(r, v)));
            }
            results.println(row + " |");
        }
    }

    /** Up to 100 phrases: the first {@link #BARS} bars of runs that long, drawn with seed 1. */
    static List<List<Bar>> phrases(List<List<Bar>> runs) {
        List<List<Bar>> phrases = new ArrayList<>();
        runs.stream().filter(r -> r.size() >= BARS).forEach(r -> phrases.add(r.subList(0, BARS)));
        Collections.shuffle(phrases, new Random(1));
        return phrases.subList(0, Math.min(100, phrases.size()));
    }

    /** The share of note onsets (as {@link LeadSheetBars#decode} starts notes) in their bar's chord's scale. */
    static double inScale(List<List<int[]>> pieces, int[][] chords) {
        int in = 0;
        int all = 0;
        for (int n = 0; n < pieces.size(); n++) {
            int previous = LeadSheetBars.REST;
            for (int bar = 0; bar < pieces.get(n).size(); bar++) {
                for (int column : pieces.get(n).get(bar)) {
                    if (column != LeadSheetBars.REST && column != previous) {
                        all++;
                        in += LeadSheetBars.chord(chords[n][bar]).inScale(LeadSheetBars.LOWEST + column) ? 1 : 0;
                    }
                    previous = column;
                }
            }
        }
        return all == 0 ? 0 : (double) in / all;
    }

    static double notesPerBar(List<NoteSequence> pieces) {
        return pieces.stream().mapToInt(p -> p.notes().size()).average().orElse(0) / (BARS - 1);
    }

    static List<NoteSequence> decoded(List<List<int[]>> pieces) {
        return pieces.stream().map(LeadSheetBars::decode).toList();
    }

    static String meanSd(double[] values) {
        double mean = MusicMetrics.mean(values);
        double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        return String.format(Locale.ROOT, "%.3f ± %.3f", mean, sd);
    }
}
