package io.muse4j.models.rbm;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 23: the RBM kind trains on JSB Chorales' frames, generates chords and is evaluated by AIS. */
@Tag("slow")
class RbmKindTest {
    private static final Path JSB = SharedCorpora.resolve("polyphonic-pianoroll/jsb_chorales.train.json");
    @TempDir
    static Path dir;
    private static SavedModel saved;
    private static Trainer.Result result;

    @BeforeAll
    static void train() throws Exception {
        Path out = dir.resolve("jsb-rbm.m4j");
        TrainerConfig config = new TrainerConfig(600, 0.01, 0, 1, 5, 200, 600, 0);
        TrainingRequest request = new TrainingRequest(new TrainingRequest.Data(JSB, null,
                new EncodingSpec.PianoRoll(1).codec(), 0.1, 0), config, 100, 1, out, false, System.err);
        result = ModelKinds.named("rbm").train(request, new Settings(Map.of("--hidden", 64, "--cd-k", 1,
                "--persistent", false))).result();
        saved = ModelKinds.load(out);
    }

    @Test
    void trainingLowersThePseudoNllFarBelowIndependentCoinFlips() {
        // an untrained RBM is near 88 fair coins: 88 log 2 = 61 nats a frame
        assertTrue(result.bestValidationLoss() < 15, "validation pseudo-NLL " + result.bestValidationLoss());
        assertEquals("rbm", saved.model().kind());
        assertEquals(88, saved.vocabulary().size());
    }

    @Test
    void evalEstimatesTheNllByAisAndSaysSo() throws Exception {
        Evaluation valid = saved.kind().evaluate(saved, new EvaluationRequest(JSB, CorpusSplits.Split.VALID));
        double nll = (double) valid.values().get("nll");
        double logZ = (double) valid.values().get("logZ");
        assertEquals("AIS", valid.values().get("nllEstimator"));
        assertTrue(nll > 3 && nll < 20, valid.text());
        // the lower bound is NaN where the runs' weights spread too widely for 3 standard errors below the mean
        assertTrue(!((double) valid.values().get("logZLow") > logZ) && logZ <= (double) valid.values().get("logZHigh"),
                valid.text());
        assertTrue(valid.text().contains("an AIS estimate (100 runs, 10,000 temperatures"), valid.text());
        assertEquals(76, valid.pieces());
    }

    @Test
    void generatedFramesAreChordsInTheChoralesRangeAndSeeded() throws Exception {
        GenerationRequest request = new GenerationRequest(new GenerationRequest.Length(8, null, null), null,
                new GenerationRequest.Sampling(null, null, null, 3), null, null);
        Pieces pieces = saved.kind().generate(saved, request);
        NoteSequence chords = pieces.piece(1);
        assertEquals(chords, pieces.piece(1), "the same seed gives the same chords");
        assertTrue(chords.notes().size() >= 8 && chords.notes().size() <= 8 * 8, chords.notes().size() + " notes");
        for (Note note : chords.notes()) {
            // the training split of this JSON sounds pitches 43..96 (the chorales as Boulanger-Lewandowski give them)
            assertTrue(note.pitch() >= 43 && note.pitch() <= 96, "pitch " + note.pitch());
        }
    }

    @Test
    void lengthsAndControlsOfModelsInTimeAreRefusedByName() {
        GenerationRequest bars = new GenerationRequest(new GenerationRequest.Length(null, 4, null), null,
                new GenerationRequest.Sampling(null, null, null, 3), null, null);
        RequestException e = assertThrows(RequestException.class, () -> saved.kind().generate(saved, bars));
        assertTrue(e.getMessage().startsWith("--bars is for models of music in time"), e.getMessage());
        GenerationRequest hot = new GenerationRequest(new GenerationRequest.Length(8, null, null), null,
                new GenerationRequest.Sampling(2.0, null, null, 3), null, null);
        e = assertThrows(RequestException.class, () -> saved.kind().generate(saved, hot));
        assertTrue(e.getMessage().startsWith("--temperature is for token models"), e.getMessage());
    }
}
