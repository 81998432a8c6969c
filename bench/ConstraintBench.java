import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.anticipation.Anticipation;
import io.muse4j.models.anticipation.AnticipationRnn;
import io.muse4j.models.sampling.Sampler;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How often does Anticipation-RNN honour its constraints when nothing forces it to? On the chorales of one split of
 * a four-part corpus (Jsb16thSeparated.json), each chorale is drawn left to right, unforced, with constraints of
 * three kinds: its soprano (harmonising), a random 10% of its cells, and all but bars 3-4 (infill); the share of
 * constrained cells where the model drew the constraint itself is printed, per kind and temperature (Hadjeres &amp;
 * Nielsen report nearly 100%). Usage: ConstraintBench MODEL CORPUS SPLIT [TEMPERATURE...].
 */
public class ConstraintBench {
    public static void main(String[] args) throws Exception {
        AnticipationRnn model = ModelKinds.load(Path.of(args[0])).as(AnticipationRnn.class, "an anticipation model");
        List<CorpusItem> chorales = CorpusSplits.pieces(Path.of(args[1]),
                CorpusSplits.Split.valueOf(args[2].toUpperCase(Locale.ROOT)), new PianoRollCodec(GridConfig.SIXTEENTHS),
                0.1, 1);
        System.out.printf(Locale.ROOT, "%s, %s split: %d chorales drawn unforced%n", args[0], args[2], chorales.size());
        for (int i = 3; i < args.length; i++) {
            double temperature = Double.parseDouble(args[i]);
            for (String kind : List.of("soprano", "random 10%", "all but bars 3-4")) {
                long constraints = 0;
                long honoured = 0;
                long start = System.nanoTime();
                for (int c = 0; c < chorales.size(); c++) {
                    VoiceRoll roll = VoiceRoll.of(chorales.get(c).score(), 4, model.stepsPerQuarter());
                    Anticipation.Drawn drawn = Anticipation.draw(model, roll, free(kind, roll.length(), c),
                            new Sampler(temperature, 0, 1.0, c), false, false);
                    constraints += drawn.constraints();
                    honoured += drawn.honoured();
                }
                System.out.printf(Locale.ROOT, "T %.2f  %-17s  %,9d constraints  honoured %.4f  (%.1f s)%n",
                        temperature, kind, constraints, (double) honoured / constraints,
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static boolean[][] free(String kind, int steps, long seed) {
        boolean[][] free = new boolean[steps][4];
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < steps; s++) {
            for (int p = 0; p < 4; p++) {
                free[s][p] = switch (kind) {
                    case "soprano" -> p > 0;
                    case "random 10%" -> random.nextDouble() >= 0.1;
                    default -> s >= 32 && s < 64;
                };
            }
        }
        return free;
    }
}
