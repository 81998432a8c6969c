package io.muse4j.models.deephear;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.LatentModel;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.SyntheticChorales;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24: DeepHear reproduces the windows it trained on through its code, and generates from random codes. */
@Tag("slow")
class DeepHearTest {
    private static final int WINDOW = 16;
    @TempDir
    static Path dir;
    private static Path file;
    private static Trainer.Result result;

    /** 600 steps (100 of pretraining for each of two layers) on eight synthetic four-part pieces as MIDI files. */
    @BeforeAll
    static void train() throws Exception {
        file = SyntheticChorales.model(dir, "deephear");
        result = SyntheticChorales.train(dir, "deephear", 20, 600, 100, 16, 0,
                Map.of("--window", WINDOW, "--hidden", 64, "--layers", 1, "--code", 8, "--pretrain", 100));
    }

    @Test
    void reproducesTheTrainingWindowsThroughTheCode() throws Exception {
        SavedModel saved = ModelKinds.load(file);
        // a fresh model reconstructs at about log of each part's symbols (some 3 nats); the training pieces'
        // windows come back through 8 code units
        Evaluation train = saved.kind().evaluate(saved, new EvaluationRequest(SyntheticChorales.corpus(dir),
                CorpusSplits.Split.TRAIN));
        double accuracy = (double) train.values().get("reconstructionAccuracy");
        assertTrue(accuracy > 0.9, train.text());
        assertTrue((double) train.values().get("reconstructionNll") < 0.5, train.text());
        LatentModel latent = saved.kind().latent(saved);
        NoteSequence piece = CorpusSplits.pieces(SyntheticChorales.corpus(dir), CorpusSplits.Split.TRAIN,
                new EncodingSpec.PianoRoll(4).codec(), 0.25, 1).get(0).score();
        NoteSequence back = latent.decode(new double[][] {latent.encode(piece, "piece", line -> { })}, 0, 1).get(0);
        VoiceRoll real = VoiceRoll.of(piece, 4, 4).slice(0, WINDOW);
        VoiceRoll decoded = VoiceRoll.of(back, 4, 4);
        int same = 0;
        for (int s = 0; s < WINDOW; s++) {
            for (int v = 0; v < 4; v++) {
                same += s < decoded.length() && real.pitch(s, v) == decoded.pitch(s, v) ? 1 : 0;
            }
        }
        assertTrue(same > 0.85 * WINDOW * 4, same + " of " + WINDOW * 4 + " part steps sound as in the piece");
    }

    @Test
    void generatesWindowsFromTheSeedAlone() throws Exception {
        SavedModel saved = ModelKinds.load(file);
        GenerationRequest request = request(null, null, 5);
        NoteSequence first = saved.kind().generate(saved, request).piece(1);
        assertEquals(first, ModelKinds.load(file).kind().generate(saved, request).piece(1));
        assertNotEquals(first, saved.kind().generate(saved, request).piece(2), "each piece its own code");
        assertEquals(4, first.notes().stream().mapToInt(n -> n.track()).distinct().count(), "four parts");
        assertTrue(first.endTick() <= WINDOW * 120L, "one window: " + first.endTick());
        NoteSequence bar = saved.kind().generate(saved, request(null, 1, 5)).piece(1);
        assertTrue(bar.endTick() <= 16 * 120L, "one bar: " + bar.endTick());
        LatentModel latent = saved.kind().latent(saved);
        double[][] codes = latent.prior(3, new Random(1));
        assertEquals(8, codes[0].length);
        assertEquals(latent.decode(codes, 1, 9), latent.decode(codes, 1, 9));
    }

    @Test
    void whatItCannotDoIsRefusedByName() throws Exception {
        SavedModel saved = ModelKinds.load(file);
        RequestException tooLong = assertThrows(RequestException.class,
                () -> saved.kind().generate(saved, request(null, 2, 1)));
        assertTrue(tooLong.getMessage().startsWith("--bars 2 must be at most 1 bar"), tooLong.getMessage());
        GenerationRequest primed = new GenerationRequest(new GenerationRequest.Length(null, null, null),
                new GenerationRequest.Primer("p.mid", SyntheticScores.fourParts(1, 8)),
                new GenerationRequest.Sampling(null, null, null, 1), null, null);
        RequestException primer = assertThrows(RequestException.class, () -> saved.kind().generate(saved, primed));
        assertTrue(primer.getMessage().startsWith("--primer"), primer.getMessage());
        LatentModel latent = saved.kind().latent(saved);
        NoteSequence melody = SyntheticScores.melody(1, 30, 60, 72, 4);
        IllegalArgumentException oneTrack = assertThrows(IllegalArgumentException.class,
                () -> latent.encode(melody, "tune.mid", line -> { }));
        assertTrue(oneTrack.getMessage().startsWith("tune.mid: a deephear model reads four-part pieces"),
                oneTrack.getMessage());
        assertTrue(saved.training().get("pretrainSteps").equals("100"), saved.training().toString());
        assertTrue(result.bestValidationLoss() < 1.5, "validation " + result.bestValidationLoss());
    }

    private static GenerationRequest request(Integer steps, Integer bars, long seed) {
        return new GenerationRequest(new GenerationRequest.Length(steps, bars, null), null,
                new GenerationRequest.Sampling(null, null, null, seed), null, null);
    }
}
