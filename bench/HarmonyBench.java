import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.stats.KeyEstimate;
import io.muse4j.core.stats.VoiceLeading;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.Harmonization;
import io.muse4j.models.kind.HarmonyRequest;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.sampling.GenerationRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A harmoniser on the chorales of one split of a four-part corpus (Jsb16thSeparated.json), their soprano given:
 * voice-leading errors per 100 chords and the lower parts' share of notes in the chorale's key, for the real alto,
 * tenor and bass and for the model's, greedy and at each temperature asked for, without and with the voice-leading
 * rules, side by side. The key is the real chorale's (Krumhansl-Schmuckler).
 * Usage: HarmonyBench MODEL CORPUS SPLIT [TEMPERATURE...].
 */
public class HarmonyBench {
    public static void main(String[] args) throws Exception {
        SavedModel saved = ModelKinds.load(Path.of(args[0]));
        List<CorpusItem> chorales = CorpusSplits.pieces(Path.of(args[1]),
                CorpusSplits.Split.valueOf(args[2].toUpperCase(Locale.ROOT)), new PianoRollCodec(GridConfig.SIXTEENTHS),
                0.1, 1);
        System.out.printf(Locale.ROOT, "%s, %s split: %d chorales, soprano given%n", args[0], args[2], chorales.size());
        System.out.printf(Locale.ROOT, "%-22s %7s %9s %9s %9s %9s %9s %8s%n", "parts", "chords", "par. 5ths",
                "par. 8ves", "crossings", "range", "spacing", "in key");
        VoiceLeading real = VoiceLeading.NONE;
        for (CorpusItem chorale : chorales) {
            real = real.plus(VoiceLeading.of(VoiceRoll.of(chorale.score(), 4, 4), KeyEstimate.of(chorale.score())));
        }
        print("real", real);
        for (boolean rules : new boolean[] {false, true}) {
            String how = rules ? ", rules" : "";
            print("greedy" + how, harmonised(saved, chorales, 0.0, rules));
            for (int i = 3; i < args.length; i++) {
                print("T " + args[i] + how, harmonised(saved, chorales, Double.parseDouble(args[i]), rules));
            }
        }
    }

    static VoiceLeading harmonised(SavedModel saved, List<CorpusItem> chorales, double temperature, boolean rules)
            throws Exception {
        VoiceLeading total = VoiceLeading.NONE;
        for (CorpusItem chorale : chorales) {
            NoteSequence soprano = chorale.score().withNotes(chorale.score().notes().stream()
                    .filter(n -> n.track() == 0).toList());
            NoteSequence written = Harmonization.of(saved, soprano,
                    new HarmonyRequest(new GenerationRequest.Sampling(temperature, null, null, 1), rules)).score();
            total = total.plus(VoiceLeading.of(VoiceRoll.of(written, 4, 4), KeyEstimate.of(chorale.score())));
        }
        return total;
    }

    static void print(String name, VoiceLeading v) {
        System.out.printf(Locale.ROOT, "%-22s %7d %9.2f %9.2f %9.2f %9.2f %9.2f %8.3f%n", name, v.chords(),
                v.per100Chords(v.parallelFifths()), v.per100Chords(v.parallelOctaves()),
                v.per100Chords(v.crossings()), v.per100Chords(v.outOfRange()), v.per100Chords(v.wideSpacings()),
                v.inKeyShare());
    }
}
