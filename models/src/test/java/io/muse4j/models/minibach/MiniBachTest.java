package io.muse4j.models.minibach;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.midi.MidiWriter;
import io.muse4j.models.ModelKinds;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.Harmonization;
import io.muse4j.models.kind.HarmonyRequest;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.SyntheticChorales;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24: mini-bach learns parts that follow from the soprano, and harmonises with the melody kept. */
@Tag("slow")
class MiniBachTest {
    private static final HarmonyRequest GREEDY = new HarmonyRequest(new GenerationRequest.Sampling(0.0, null, null, 1),
            false);
    @TempDir
    static Path dir;
    private static Path file;
    private static Trainer.Result result;

    /** 300 steps on six synthetic four-part pieces whose parts follow from the soprano, as four-track MIDI files. */
    @BeforeAll
    static void train() throws Exception {
        file = SyntheticChorales.model(dir, "minibach");
        result = SyntheticChorales.train(dir, "minibach", 40, 300, 100, 16, 1,
                Map.of("--window", 16, "--hidden", 32, "--dropout", 0.0));
    }

    @Test
    void learnsThePartsBelowTheSoprano() throws Exception {
        // at the start the loss is near log of each part's symbols (about 3 nats); what follows from the soprano is
        // learnt almost exactly
        assertTrue(result.bestValidationLoss() < 0.2, "validation NLL " + result.bestValidationLoss());
        NoteSequence piece = SyntheticScores.fourParts(3, 40);
        NoteSequence written = Harmonization.of(ModelKinds.load(file), soprano(piece), GREEDY).score();
        VoiceRoll real = VoiceRoll.of(piece, 4, 4);
        VoiceRoll back = VoiceRoll.of(written, 4, 4);
        assertEquals(real.length(), back.length());
        double agreement = agreement(real, back);
        assertTrue(agreement > 0.95, "a training piece's parts come back: " + agreement + " of the part steps");
    }

    @Test
    void evalScoresTheValidationPiecesAsTrainingDid() throws Exception {
        SavedModel saved = ModelKinds.load(file);
        Evaluation valid = saved.kind().evaluate(saved, new EvaluationRequest(SyntheticChorales.corpus(dir),
                CorpusSplits.Split.VALID));
        assertEquals(2, valid.pieces());
        double nll = (double) valid.values().get("nll");
        assertTrue(nll < 0.2, valid.text());
        assertTrue((double) valid.values().get("nllPerNote") > nll, "a note spans several steps: " + valid.text());
        assertEquals(Double.parseDouble(saved.training().get("validationNllPerPartStep")), nll, 0.05, valid.text());
    }

    @Test
    void theMelodyIsKeptAndAnyKeyIsHarmonisedAsItsTransposition() throws Exception {
        SavedModel saved = ModelKinds.load(file);
        NoteSequence melody = soprano(SyntheticScores.fourParts(100, 24));
        NoteSequence written = Harmonization.of(saved, melody, GREEDY).score();
        assertEquals(melody.notes(), written.notes().stream().filter(n -> n.track() == 0).toList());
        assertEquals(4, written.notes().stream().mapToInt(Note::track).distinct().count());
        NoteSequence upFive = melody.withNotes(melody.notes().stream().map(n -> n.withPitch(n.pitch() + 5)).toList());
        NoteSequence movedWritten = Harmonization.of(saved, upFive, GREEDY).score();
        assertEquals(VoiceRoll.of(written, 4, 4).transposed(5), VoiceRoll.of(movedWritten, 4, 4));
    }

    @Test
    void theSameSeedGivesTheSameParts() throws Exception {
        HarmonyRequest sampled = new HarmonyRequest(new GenerationRequest.Sampling(1.5, null, null, 7), true);
        NoteSequence melody = soprano(SyntheticScores.fourParts(101, 24));
        NoteSequence first = Harmonization.of(ModelKinds.load(file), melody, sampled).score();
        assertEquals(first, Harmonization.of(ModelKinds.load(file), melody, sampled).score());
    }

    @Test
    void chordsAreHarmonisedByTheirTopVoice() throws Exception {
        NoteSequence piece = SyntheticScores.fourParts(5, 12);
        Harmonization harmony = Harmonization.of(ModelKinds.load(file), piece, GREEDY);
        assertTrue(harmony.topVoiceTaken());
        assertEquals(soprano(piece).notes(), harmony.score().notes().stream().filter(n -> n.track() == 0).toList());
        assertTrue(!Harmonization.of(ModelKinds.load(file), soprano(piece), GREEDY).topVoiceTaken());
    }

    @Test
    void otherKindsAndOtherCorporaAreRefusedByName() throws Exception {
        SavedModel saved = ModelKinds.load(file);
        RequestException generate = assertThrows(RequestException.class,
                () -> saved.kind().generate(saved, new GenerationRequest(new GenerationRequest.Length(8, null, null),
                        null, GREEDY.sampling(), null, null)));
        assertTrue(generate.getMessage().contains("harmonize"), generate.getMessage());
        Path melodies = Files.createDirectories(dir.resolve("melodies"));
        MidiWriter.write(SyntheticScores.melody(1, 30, 60, 72, 4), melodies.resolve("one.mid"));
        TrainingRequest request = new TrainingRequest(new TrainingRequest.Data(melodies, null,
                new EncodingSpec.PianoRoll(4).codec(), 0.0, 0), new TrainerConfig(1, 0.01, 0, 1, 5, 1, 1, 0), 4, 1,
                dir.resolve("no.m4j"), false, System.err);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelKinds.named("minibach")
                .train(request, new Settings(Map.of("--window", 16, "--hidden", 8, "--dropout", 0.0))));
        assertTrue(e.getMessage().contains("one.mid") && e.getMessage().contains("four-part"), e.getMessage());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        ChoraleParts parts = new ChoraleParts(new int[] {60, 55, 48, 40}, new int[] {64, 58, 52, 44});
        MiniBach model = new MiniBach(3, 4, parts, 5, 11);
        List<VoiceRoll> windows = List.of(VoiceRoll.held(new int[][] {{60, 55, 48, 40}, {62, 55, 50, 42},
            {62, VoiceRoll.REST, 52, 44}}), VoiceRoll.held(new int[][] {{64, 58, 48, 40}, {VoiceRoll.REST, 57, 48, 41},
            {63, 56, 49, 43}}));
        INDArray input = model.input(windows);
        int[][] targets = model.targets(windows);
        Map<String, INDArray> gradients = new HashMap<>();
        model.lossAndGradients(input, targets, 0, new SplittableRandom(1), gradients);
        double eps = 1e-2;
        for (Map.Entry<String, INDArray> weight : model.weights().entrySet()) {
            INDArray w = weight.getValue();
            for (long i : new long[] {0, w.length() / 2, w.length() - 1}) {
                double original = w.getDouble(i);
                w.putScalar(i, original + eps);
                double up = model.loss(input, targets);
                w.putScalar(i, original - eps);
                double down = model.loss(input, targets);
                w.putScalar(i, original);
                double numeric = (up - down) / (2 * eps);
                double analytic = gradients.get(weight.getKey()).getDouble(i);
                assertEquals(numeric, analytic, 2e-3 + 0.05 * Math.abs(numeric), weight.getKey() + "[" + i + "]");
            }
        }
    }

    /** The share of steps of the lower parts where both rolls sound the same pitch and agree on its onset. */
    private static double agreement(VoiceRoll a, VoiceRoll b) {
        int same = 0;
        for (int s = 0; s < a.length(); s++) {
            for (int v = 1; v < a.voices(); v++) {
                same += a.pitch(s, v) == b.pitch(s, v) && a.onset(s, v) == b.onset(s, v) ? 1 : 0;
            }
        }
        return (double) same / (a.length() * (a.voices() - 1));
    }

    /** The soprano (track 0) of a four-part piece. */
    private static NoteSequence soprano(NoteSequence piece) {
        List<Note> top = new ArrayList<>(piece.notes().stream().filter(n -> n.track() == 0).toList());
        return piece.withNotes(top);
    }
}
