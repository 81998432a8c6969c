package io.muse4j.models.lm;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.midi.MidiWriter;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.Infill;
import io.muse4j.models.kind.InfillRequest;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.nn.FrameHead;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24: a melody LSTM fills in bars of a melody it learnt, keeping every note outside them. */
@Tag("slow")
class MelodyInfillTest {
    private static final GenerationRequest.Sampling GREEDY = new GenerationRequest.Sampling(0.0, null, null, 1);
    /** A bar of 4/4 at 480 ticks per quarter. */
    private static final long BAR = 4 * 480;
    @TempDir
    static Path dir;
    private static Path file;

    /** An LSTM trained on two such tunes until it has them by heart. */
    @BeforeAll
    static void train() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("melodies"));
        for (int i = 0; i < 2; i++) {
            MidiWriter.write(melody(i), corpus.resolve("melody-" + i + ".mid"));
        }
        file = dir.resolve("lstm.m4j");
        EncodingSpec encoding = new EncodingSpec.Melody(4, 60, 72);
        TrainingRequest request = new TrainingRequest(new TrainingRequest.Data(corpus, encoding,
                new EncodingSpec.PianoRoll(4).codec(), 0.0, 0), new TrainerConfig(400, 0.01, 0, 1, 5, 400, 400, 0),
                2, 1, file, false, System.err);
        Map<String, Object> settings = new HashMap<>(Map.of("--layers", 1, "--hidden", 96, "--dropout", 0.0,
                "--seq-len", 48, "--epochs", 0, "--stretch", 0.0, "--embedding", 16));
        settings.put("--head", FrameHead.Kind.SIGMOID);
        settings.put("--head-hidden", 0);
        settings.put("--cd-k", 0);
        ModelKinds.named("lstm").train(request, new Settings(settings));
    }

    @Test
    void aLearntMelodysBarsComeBackAndTheRestIsKept() throws Exception {
        SavedModel saved = ModelKinds.load(file);
        NoteSequence piece = melody(1);
        InfillRequest bars23 = new InfillRequest(BAR, 3 * BAR, Set.of(0), GREEDY, false);
        NoteSequence filled = Infill.of(saved, piece, bars23);
        assertTrue(filled.notes().containsAll(outside(piece, BAR, 3 * BAR)), "every note outside is kept");
        int same = 0;
        for (long tick = BAR; tick < 3 * BAR; tick += 120) {
            same += sounding(filled, tick) == sounding(piece, tick) ? 1 : 0;
        }
        assertTrue(same >= 29, same + " of 32 sixteenths of bars 2-3 sound as learnt");
        NoteSequence sampled = Infill.of(saved, piece, new InfillRequest(BAR, 3 * BAR, Set.of(0),
                new GenerationRequest.Sampling(1.5, null, null, 4), false));
        assertEquals(sampled, Infill.of(saved, piece, new InfillRequest(BAR, 3 * BAR, Set.of(0),
                new GenerationRequest.Sampling(1.5, null, null, 4), false)), "the same seed, the same bars");
        assertNotEquals(filled, sampled, "hot sampling strays from the learnt bars");
        assertTrue(sampled.notes().containsAll(outside(piece, BAR, 3 * BAR)));
    }

    @Test
    void oneVoiceAndAMelodyEncodingAreNeeded() throws Exception {
        SavedModel saved = ModelKinds.load(file);
        NoteSequence twoVoices = melody(0).withNotes(java.util.stream.Stream.concat(melody(0).notes().stream(),
                melody(0).notes().stream().map(n -> new Note(n.pitch() - 12, n.velocity(), n.startTick(),
                        n.durationTicks(), 0, 1, false, 1))).toList());
        RequestException both = assertThrows(RequestException.class, () -> Infill.of(saved, twoVoices,
                new InfillRequest(BAR, 2 * BAR, Set.of(0, 1), GREEDY, false)));
        assertEquals("a melody model regenerates one voice, not 2: give --voices with one", both.getMessage());
        NoteSequence bass = Infill.of(saved, twoVoices, new InfillRequest(BAR, 2 * BAR, Set.of(1), GREEDY, false));
        assertTrue(bass.notes().containsAll(outside(twoVoices, BAR, 2 * BAR)));
        assertTrue(bass.notes().stream().filter(n -> n.track() == 0).toList()
                .equals(twoVoices.notes().stream().filter(n -> n.track() == 0).toList()), "the other voice is kept");
    }

    /** The pitch sounding at a tick; -1 for none. */
    private static int sounding(NoteSequence piece, long tick) {
        return piece.notes().stream().filter(n -> n.startTick() <= tick && n.endTick() > tick).mapToInt(Note::pitch)
                .max().orElse(-1);
    }

    /** Notes of a piece that lie wholly outside a span. */
    private static List<Note> outside(NoteSequence piece, long from, long to) {
        return piece.notes().stream().filter(n -> n.endTick() <= from || n.startTick() >= to).toList();
    }

    /** A two-bar phrase of a synthetic melody played eight times over: a tune a small LSTM learns by heart. */
    private static NoteSequence melody(int seed) {
        List<Note> phrase = SyntheticScores.melody(30 + seed, 12, 60, 72, 4).notes().stream()
                .filter(n -> n.endTick() <= 2 * BAR).toList();
        List<Note> notes = new java.util.ArrayList<>();
        for (int time = 0; time < 8; time++) {
            for (Note n : phrase) {
                notes.add(Note.of(n.pitch(), n.velocity(), n.startTick() + time * 2 * BAR, n.durationTicks()));
            }
        }
        return NoteSequence.of(480, notes);
    }
}
