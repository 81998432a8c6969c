package io.muse4j.models.crbm;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.kind.Structure;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24: the C-RBM kind trains on the JSB chorales' piano rolls and generates under an imposed form and key. */
@Tag("slow")
class CrbmKindTest {
    private static final Path JSB = SharedCorpora.resolve("jsb-chorales/Jsb16thSeparated.json");
    private static final PianoRollCodec CODEC = new EncodingSpec.PianoRoll(4).codec();
    @TempDir
    static Path dir;
    private static SavedModel saved;
    private static Trainer.Result result;
    private static double untrained;

    @BeforeAll
    static void train() throws Exception {
        Path out = dir.resolve("jsb-crbm.m4j");
        Map<String, Object> settings = Map.of("--filters", 16, "--width", 8, "--window", 32, "--cd-k", 1,
                "--persistent", false);
        untrained = trained(dir.resolve("one-step.m4j"), 1, settings).bestValidationLoss();
        result = trained(out, 300, settings);
        saved = ModelKinds.load(out);
    }

    private static Trainer.Result trained(Path out, int steps, Map<String, Object> settings) throws Exception {
        TrainerConfig config = new TrainerConfig(steps, 0.01, 0, 1, 5, steps, steps, 0);
        TrainingRequest request = new TrainingRequest(new TrainingRequest.Data(JSB, null, CODEC, 0.1, 0), config, 16,
                1, out, false, System.err);
        return ModelKinds.named("crbm").train(request, new Settings(settings)).result();
    }

    private static GenerationRequest request(Integer bars, Double temperature, long seed) {
        return new GenerationRequest(new GenerationRequest.Length(null, bars, null), null,
                new GenerationRequest.Sampling(temperature, null, null, seed), null, null);
    }

    @Test
    void trainingLowersThePseudoNll() {
        assertTrue(result.bestValidationLoss() < untrained - 3, "validation pseudo-NLL " + untrained + " after a "
                + "step, " + result.bestValidationLoss() + " after 300");
        assertEquals("crbm", saved.model().kind());
    }

    @Test
    void generatedRollsKeepTheFormAndTheKeyAndTheSeed() throws Exception {
        Structure structure = new Structure("AB..AB", Structure.Key.parse("Bb"));
        NoteSequence piece = saved.kind().generate(saved, request(null, null, 3), structure).piece(1);
        assertEquals(piece, saved.kind().generate(saved, request(null, null, 3), structure).piece(1));
        assertNotEquals(piece, saved.kind().generate(saved, request(null, null, 4), structure).piece(1));
        int[][] frames = CODEC.encode(piece).frames();
        assertTrue(frames.length <= 6 * 16, frames.length + " frames");
        int[][] rolled = Arrays.copyOf(frames, 6 * 16);
        for (int t = 0; t < 32; t++) {
            assertArrayEquals(frame(rolled, t), frame(rolled, 64 + t), "bars 5-6 repeat bars 1-2 at step " + t);
        }
        assertTrue(piece.notes().size() > 10, piece.notes().size() + " notes");
        for (Note note : piece.notes()) {
            assertTrue(structure.key().allows(note.pitch()), "pitch " + note.pitch() + " out of B-flat major");
        }
    }

    private static int[] frame(int[][] frames, int t) {
        return frames[t] == null ? new int[0] : frames[t];
    }

    @Test
    void theLikeliestRollIsSparseAndInTheChoralesRange() throws Exception {
        NoteSequence piece = saved.kind().generate(saved, request(2, 0.0, 5)).piece(1);
        PianoRoll roll = CODEC.encode(piece);
        int sounding = 0;
        for (int t = 0; t < roll.length(); t++) {
            sounding += roll.frame(t).length;
        }
        assertTrue(sounding <= roll.length() * 8, sounding + " keys sounding over " + roll.length() + " frames");
        for (Note note : piece.notes()) {
            assertTrue(note.pitch() >= 30 && note.pitch() <= 90, "pitch " + note.pitch());
        }
    }

    @Test
    void evalEstimatesThePseudoNllAndSaysHow() throws Exception {
        Evaluation valid = saved.kind().evaluate(saved, new EvaluationRequest(JSB, CorpusSplits.Split.VALID));
        assertEquals(result.bestValidationLoss(), (double) valid.values().get("pseudoNll"), 1.5);
        assertTrue(valid.text().contains("estimated from 32 frames of each"), valid.text());
    }

    @Test
    void lengthsAndControlsItCannotServeAreRefusedByName() {
        List<GenerationRequest> refused = List.of(new GenerationRequest(new GenerationRequest.Length(4, null, null),
                        null, new GenerationRequest.Sampling(null, null, null, 1), null, null),
                new GenerationRequest(new GenerationRequest.Length(null, 2, null), null,
                        new GenerationRequest.Sampling(null, 5, null, 1), null, null),
                new GenerationRequest(new GenerationRequest.Length(null, null, null, true), null,
                        new GenerationRequest.Sampling(null, null, null, 1), null, null));
        List<String> starts = List.of("--steps 4 gives 4 grid steps", "--top-k is for token models",
                "--whole is not for it");
        for (int i = 0; i < refused.size(); i++) {
            GenerationRequest request = refused.get(i);
            RequestException e = assertThrows(RequestException.class,
                    () -> saved.kind().generate(saved, request, new Structure("A", null)).piece(1));
            assertTrue(e.getMessage().startsWith(starts.get(i)), e.getMessage());
        }
        RequestException e = assertThrows(RequestException.class, () -> saved.kind().generate(saved,
                request(4, null, 1), new Structure("ABABA", null)));
        assertTrue(e.getMessage().startsWith("--form ABABA spans 5 bars"), e.getMessage());
    }
}
