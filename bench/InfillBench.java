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
import io.muse4j.models.kind.Infill;
import io.muse4j.models.kind.InfillRequest;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.sampling.GenerationRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Does a regenerated span join its neighbours? On the chorales of one split of a four-part corpus
 * (Jsb16thSeparated.json) with at least 6 bars, bars 3-4 (4/4, counted from 1) are regenerated in every voice,
 * everything else kept; then the span with one bar of context on each side (bars 2-5) is compared with the same
 * bars of the real chorales by the statistics evaluator ({@code muse4j stats}: each statistic's Kolmogorov-Smirnov
 * distance and the classifier two-sample accuracy, 0.5 when the sets cannot be told apart), and the span's
 * voice-leading errors per 100 chords are counted; without and with the voice-leading rules. As a yardstick,
 * "spliced" puts the next chorale's bars 3-4 (moved to this chorale's key) in place of the model's.
 * Usage: InfillBench MODEL CORPUS SPLIT [TEMPERATURE...].
 */
public class InfillBench {
    public static void main(String[] args) throws Exception {
        SavedModel saved = ModelKinds.load(Path.of(args[0]));
        List<CorpusItem> chorales = CorpusSplits.pieces(Path.of(args[1]),
                CorpusSplits.Split.valueOf(args[2].toUpperCase(Locale.ROOT)), new PianoRollCodec(GridConfig.SIXTEENTHS),
                0.1, 1).stream().filter(c -> lastTick(c.score()) >= 6L * bar(c.score())).toList();
        System.out.printf(Locale.ROOT, "%s, %s split: %d chorales of 6 bars or more; bars 3-4 regenerated in all four "
                + "voices, compared as bars 2-5%n", args[0], args[2], chorales.size());
        List<NoteSequence> real = new ArrayList<>();
        List<NoteSequence> spliced = new ArrayList<>();
        for (int i = 0; i < chorales.size(); i++) {
            NoteSequence score = chorales.get(i).score();
            real.add(score);
            spliced.add(splice(score, chorales.get((i + 1) % chorales.size()).score()));
        }
        report("real", real, real, chorales);
        report("spliced", spliced, real, chorales);
        for (boolean rules : new boolean[] {false, true}) {
            for (int i = 3; i < args.length; i++) {
                double temperature = Double.parseDouble(args[i]);
                List<NoteSequence> written = new ArrayList<>();
                long start = System.nanoTime();
                for (NoteSequence score : real) {
                    long b = bar(score);
                    written.add(Infill.of(saved, score, new InfillRequest(2 * b, 4 * b, Set.of(0, 1, 2, 3),
                            new GenerationRequest.Sampling(temperature, null, null, 1), rules)));
                }
                String name = "T " + args[i] + (rules ? " rules" : "");
                System.out.printf(Locale.ROOT, "(%s: %.2f s a chorale)%n", name,
                        (System.nanoTime() - start) / 1e9 / real.size());
                report(name, written, real, chorales);
            }
        }
    }

    static void report(String name, List<NoteSequence> pieces, List<NoteSequence> real, List<CorpusItem> chorales) {
        VoiceLeading span = VoiceLeading.NONE;
        List<NoteSequence> context = new ArrayList<>();
        List<NoteSequence> realContext = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            long b = bar(real.get(i));
            span = span.plus(VoiceLeading.of(VoiceRoll.of(Slicing.slice(pieces.get(i), 2 * b, 4 * b), 4, 4),
                    KeyEstimate.of(chorales.get(i).score())));
            context.add(Slicing.slice(pieces.get(i), b, 5 * b));
            realContext.add(Slicing.slice(real.get(i), b, 5 * b));
        }
        StatsReport stats = StatsReport.compare(PieceSet.of(context), PieceSet.of(realContext), 1);
        double meanKs = stats.comparisons().stream().mapToDouble(StatisticComparison::ks).average().orElse(0);
        StatisticComparison worst = stats.comparisons().stream()
                .max((x, y) -> Double.compare(x.ks(), y.ks())).orElseThrow();
        System.out.printf(Locale.ROOT, "%-9s span: %5d chords, par. 5ths %.2f, 8ves %.2f, crossings %.2f, range %.2f, "
                        + "spacing %.2f, in key %.3f | bars 2-5 vs real: classifier %.3f +- %.3f, mean KS %.3f, "
                        + "largest KS %.3f (%s)%n", name, span.chords(), span.per100Chords(span.parallelFifths()),
                span.per100Chords(span.parallelOctaves()), span.per100Chords(span.crossings()),
                span.per100Chords(span.outOfRange()), span.per100Chords(span.wideSpacings()), span.inKeyShare(),
                stats.classifierMean(), stats.classifierSd(), meanKs, worst.ks(), worst.name());
    }

    /** The piece with bars 3-4 of another in their place, moved by the semitones between the two keys' tonics. */
    static NoteSequence splice(NoteSequence piece, NoteSequence other) {
        long b = bar(piece);
        int shift = Math.floorMod(KeyEstimate.of(piece).tonic() - KeyEstimate.of(other).tonic() + 6, 12) - 6;
        List<Note> notes = new ArrayList<>();
        for (Note n : piece.notes()) {
            if (n.startTick() < 2 * b || n.startTick() >= 4 * b) {
                notes.add(n);
            }
        }
        for (Note n : Slicing.slice(other, 2 * b, 4 * b).notes()) {
            notes.add(new Note(Math.max(0, Math.min(127, n.pitch() + shift)), n.velocity(), n.startTick() + 2 * b,
                    n.durationTicks(), n.program(), n.channel(), false, n.track()));
        }
        notes.sort(Note.ORDER);
        return piece.withNotes(notes);
    }

    static long bar(NoteSequence score) {
        return score.resolution() * 4L;
    }

    static long lastTick(NoteSequence score) {
        return score.notes().stream().mapToLong(Note::endTick).max().orElse(0);
    }
}
