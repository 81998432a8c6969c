package io.muse4j.models.deepbach;

import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.ChoraleRegeneratorChecks;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.SyntheticChorales;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.training.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24: DeepBach learns each part from its neighbourhood and regenerates spans with the rest kept. */
@Tag("slow")
class DeepBachTest {
    @TempDir
    static Path dir;
    private static Path file;
    private static Trainer.Result result;

    /** 300 steps on eight synthetic four-part pieces whose parts follow from the soprano, as four-track MIDI. */
    @BeforeAll
    static void train() throws Exception {
        file = SyntheticChorales.model(dir, "deepbach");
        result = SyntheticChorales.train(dir, "deepbach", 40, 300, 100, 32, 1,
                Map.of("--context", 4, "--hidden", 32, "--dropout", 0.0));
    }

    @Test
    void learnsEachPartFromItsNeighbourhood() throws Exception {
        // at the start the loss is near log of each part's symbols (about 3 nats)
        assertTrue(result.bestValidationLoss() < 0.3, "validation NLL " + result.bestValidationLoss());
        SavedModel saved = ModelKinds.load(file);
        Evaluation valid = saved.kind().evaluate(saved, new EvaluationRequest(SyntheticChorales.corpus(dir),
                CorpusSplits.Split.VALID));
        assertEquals(2, valid.pieces());
        assertTrue((double) valid.values().get("nll") < 0.3, valid.text());
    }

    @Test
    void infillKeepsEveryNoteOutsideTheSpanAndReproducesATrainingPiece() throws Exception {
        ChoraleRegeneratorChecks.infillKeepsEveryNoteOutsideTheSpanAndReproducesATrainingPiece(file);
    }

    @Test
    void aConstraintAtTheLastStepIsHonoured() throws Exception {
        DeepBach model = ModelKinds.load(file).as(DeepBach.class, "a deepbach model");
        VoiceRoll roll = VoiceRoll.of(SyntheticScores.fourParts(40, 16), 4, 4);
        int last = roll.length() - 1;
        boolean[][] free = new boolean[roll.length()][4];
        for (int s = 0; s < last; s++) {
            free[s] = new boolean[] {true, true, true, true};
        }
        VoiceRoll written = PseudoGibbs.regenerate(model, roll, free, new Sampler(1.0, 0, 1.0, 3), 8, 3, true);
        for (int v = 0; v < 4; v++) {
            assertEquals(roll.pitch(last, v), written.pitch(last, v), "voice " + v);
        }
    }

    @Test
    void harmonisingKeepsTheMelodyAndTheSameSeedGivesTheSameParts() throws Exception {
        ChoraleRegeneratorChecks.harmonisingKeepsTheMelodyAndTheSameSeedGivesTheSameParts(file);
    }
}
