package io.muse4j.models.anticipation;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.ChoraleRegeneratorChecks;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
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

/** Issue 24: Anticipation-RNN learns chorale parts under constraints and honours constraints far ahead. */
@Tag("slow")
class AnticipationTest {
    @TempDir
    static Path dir;
    private static Path file;
    private static Trainer.Result result;

    /** 800 steps on eight synthetic four-part pieces whose parts follow from the soprano, as four-track MIDI. */
    @BeforeAll
    static void train() throws Exception {
        file = SyntheticChorales.model(dir, "anticipation");
        result = SyntheticChorales.train(dir, "anticipation", 40, 800, 800, 16, 1,
                Map.of("--window", 16, "--hidden", 48, "--layers", 1, "--dropout", 0.0));
    }

    @Test
    void learnsTheLowerPartsFromTheSoprano() throws Exception {
        // untrained, the alto, tenor and bass cost about log of their symbols (about 1.8 nats) each
        assertTrue(result.bestValidationLoss() < 0.3, "validation NLL " + result.bestValidationLoss());
        Evaluation valid = ModelKinds.load(file).kind().evaluate(ModelKinds.load(file),
                new EvaluationRequest(SyntheticChorales.corpus(dir), CorpusSplits.Split.VALID));
        assertEquals(2, valid.pieces());
        assertTrue((double) valid.values().get("nll") < 0.3, valid.text());
    }

    @Test
    void aConstraintAtTheLastStepIsHonoured() throws Exception {
        AnticipationRnn model = ModelKinds.load(file).as(AnticipationRnn.class, "an anticipation model");
        for (int seed = 40; seed < 44; seed++) {
            NoteSequence piece = SyntheticScores.fourParts(seed, 12);
            long lastStart = piece.notes().get(piece.notes().size() - 1).startTick();
            int last = (int) (lastStart / 120);
            VoiceRoll roll = VoiceRoll.of(piece, 4, 4).slice(0, last + 1); // ends on the last chord's onset
            boolean[][] free = new boolean[last + 1][4];
            for (int s = 0; s < last; s++) {
                free[s] = new boolean[] {true, true, true, true};
            }
            Anticipation.Drawn drawn = Anticipation.draw(model, roll, free, new Sampler(1.0, 0, 1.0, seed), false,
                    false);
            assertEquals(4, drawn.constraints());
            assertEquals(4, drawn.honoured(), "piece " + seed + ": the last chord drawn unforced");
            for (int v = 0; v < 4; v++) {
                assertEquals(roll.pitch(last, v), drawn.roll().pitch(last, v), "voice " + v);
                assertTrue(drawn.roll().onset(last, v), "voice " + v + " strikes the last chord");
            }
        }
    }

    @Test
    void infillKeepsEveryNoteOutsideTheSpanAndReproducesATrainingPiece() throws Exception {
        ChoraleRegeneratorChecks.infillKeepsEveryNoteOutsideTheSpanAndReproducesATrainingPiece(file);
    }

    @Test
    void harmonisingKeepsTheMelodyAndTheSameSeedGivesTheSameParts() throws Exception {
        ChoraleRegeneratorChecks.harmonisingKeepsTheMelodyAndTheSameSeedGivesTheSameParts(file);
    }
}
