import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.stats.KeyEstimate;
import io.muse4j.core.stats.PieceSet;
import io.muse4j.core.stats.StatisticComparison;
import io.muse4j.core.stats.StatsReport;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.transform.Slicing;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Structure;
import io.muse4j.models.sampling.GenerationRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A C-RBM's pieces of BARS bars of 4/4 against the real windows of as many bars of one split of a corpus (every whole
 * window of each piece), both through the model's piano roll (so neither keeps repeated notes' onsets). Rows: the real
 * windows against themselves (the classifier's floor); COUNT pieces drawn free; under the form FORM; in a key (each
 * piece the key of a real window, in turn, so the keys are the corpus's); and under both. For each: the share of
 * notes in the piece's key (the key imposed, or else the Krumhansl-Schmuckler estimate), the share of bars that
 * repeat an earlier bar exactly, keys sounding a frame, and the statistics evaluator's comparison with the real
 * windows (classifier two-sample accuracy over 10 fold assignments, mean and largest KS distance).
 * Usage: CrbmBench MODEL CORPUS SPLIT COUNT BARS FORM [TEMPERATURE] (default temperature 1).
 */
public class CrbmBench {
    public static void main(String[] args) throws Exception {
        SavedModel saved = ModelKinds.load(Path.of(args[0]));
        PianoRollCodec codec = new PianoRollCodec(GridConfig.SIXTEENTHS);
        List<CorpusItem> pieces = CorpusSplits.pieces(Path.of(args[1]),
                CorpusSplits.Split.valueOf(args[2].toUpperCase(Locale.ROOT)), codec, 0.1, 1);
        int count = Integer.parseInt(args[3]);
        int bars = Integer.parseInt(args[4]);
        String form = args[5];
        Double temperature = args.length > 6 ? Double.valueOf(args[6]) : null;
        List<NoteSequence> real = new ArrayList<>();
        for (CorpusItem piece : pieces) {
            NoteSequence score = piece.score();
            long window = 4L * bars * score.resolution();
            for (long from = 0; from + window <= lastTick(score); from += window) {
                real.add(codec.normalize(Slicing.slice(score, from, from + window)));
            }
        }
        List<Structure.Key> keys = real.stream().map(w -> {
            KeyEstimate key = KeyEstimate.of(w);
            return new Structure.Key(key.tonic(), key.minor());
        }).toList();
        System.out.printf(Locale.ROOT, "%s, %s split: %d pieces, %d whole windows of %d bars; %d pieces generated a "
                + "row, temperature %s%n", args[0], args[2], pieces.size(), real.size(), bars, count,
                temperature == null ? "1" : temperature);
        report("real", real, keys, real);
        report("free", generated(saved, count, bars, temperature, i -> Structure.NONE), null, real);
        report("form " + form, generated(saved, count, bars, temperature, i -> new Structure(form, null)), null, real);
        List<Structure.Key> drawnKeys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drawnKeys.add(keys.get(i % keys.size()));
        }
        report("key", generated(saved, count, bars, temperature, i -> new Structure("", drawnKeys.get(i))),
                drawnKeys, real);
        report("form " + form + " and key", generated(saved, count, bars, temperature,
                i -> new Structure(form, drawnKeys.get(i))), drawnKeys, real);
    }

    interface StructureOf {
        Structure of(int piece);
    }

    static List<NoteSequence> generated(SavedModel saved, int count, int bars, Double temperature,
                                        StructureOf structure) throws Exception {
        long start = System.nanoTime();
        List<NoteSequence> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GenerationRequest request = new GenerationRequest(new GenerationRequest.Length(null, bars, null), null,
                    new GenerationRequest.Sampling(temperature, null, null, 1000 + i), null, null);
            Pieces pieces = saved.kind().generate(saved, request, structure.of(i));
            out.add(pieces.piece(1));
        }
        System.out.printf(Locale.ROOT, "(%.2f s a piece)%n", (System.nanoTime() - start) / 1e9 / count);
        return out;
    }

    /** Prints a row; {@code keys} are the pieces' keys, or null to estimate them. */
    static void report(String name, List<NoteSequence> pieces, List<Structure.Key> keys, List<NoteSequence> real) {
        PianoRollCodec codec = new PianoRollCodec(GridConfig.SIXTEENTHS);
        long notes = 0;
        long inKey = 0;
        long repeated = 0;
        long bars = 0;
        long sounding = 0;
        long frames = 0;
        for (int i = 0; i < pieces.size(); i++) {
            NoteSequence piece = pieces.get(i);
            Structure.Key key = keys != null ? keys.get(i) : estimated(piece);
            for (Note note : piece.notes()) {
                notes++;
                inKey += key.allows(note.pitch()) ? 1 : 0;
            }
            int[][] roll = codec.encode(piece).frames();
            int barCount = (roll.length + 15) / 16;
            List<String> seen = new ArrayList<>();
            for (int bar = 0; bar < barCount; bar++) {
                String frameText = Arrays.deepToString(Arrays.copyOfRange(roll, bar * 16, bar * 16 + 16));
                if (bar > 0) {
                    bars++;
                    repeated += seen.contains(frameText) ? 1 : 0;
                }
                seen.add(frameText);
            }
            for (int[] frame : roll) {
                sounding += frame.length;
            }
            frames += roll.length;
        }
        StatsReport stats = StatsReport.compare(PieceSet.of(pieces), PieceSet.of(real), 1);
        double meanKs = stats.comparisons().stream().mapToDouble(StatisticComparison::ks).average().orElse(0);
        StatisticComparison worst = stats.comparisons().stream()
                .max((x, y) -> Double.compare(x.ks(), y.ks())).orElseThrow();
        System.out.printf(Locale.ROOT, "%-20s in key %.3f, bars repeating an earlier bar %.3f, keys a frame %.2f | "
                        + "vs real: classifier %.3f +- %.3f, mean KS %.3f, largest KS %.3f (%s)%n", name,
                (double) inKey / Math.max(1, notes), (double) repeated / Math.max(1, bars),
                (double) sounding / Math.max(1, frames), stats.classifierMean(), stats.classifierSd(), meanKs,
                worst.ks(), worst.name());
    }

    static Structure.Key estimated(NoteSequence piece) {
        KeyEstimate key = KeyEstimate.of(piece);
        return new Structure.Key(key.tonic(), key.minor());
    }

    static long lastTick(NoteSequence score) {
        return score.notes().stream().mapToLong(Note::endTick).max().orElse(0);
    }
}
