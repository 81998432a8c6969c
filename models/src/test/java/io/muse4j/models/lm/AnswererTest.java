package io.muse4j.models.lm;

import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.MelodyTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A melody model that has learnt a riff answers a call with the riff's next notes, in the call's time and touch. */
@Tag("slow") // trains its shared model once for the class: ~6 s
class AnswererTest {
    /** The riff, an eighth note on each beat: C E G B. */
    private static final int[] RIFF = {60, 64, 67, 71};
    private static final MelodyTokenizer TOKENIZER = new MelodyTokenizer(48, 84, new GridConfig(2, 480, 500_000, 100));
    private static TokenModel model;

    @BeforeAll
    static void learnTheRiff(@TempDir Path dir) throws Exception {
        int[] tokens = TOKENIZER.encode(riff(64, 0, 120, 100));
        List<int[]> corpus = new ArrayList<>();
        for (int s = 0; s + 40 <= tokens.length; s += 5) {
            corpus.add(Arrays.copyOfRange(tokens, s, s + 40));
        }
        model = new TokenModel(new LstmConfig(TOKENIZER.vocabulary().size(), 16, 48, 1), 2);
        TrainerConfig config = new TrainerConfig(600, 0.02, 20, 0.1, 5.0, 600, 600, 0);
        new Trainer<>(config, model, new TokenBatches(corpus, 8, 24, 5)::batch, List.of(), dir.resolve("riff.ckpt"),
                List.of()).train(false);
    }

    /** {@code count} beats of the riff from its {@code phase}th note, at {@code bpm} and {@code velocity}. */
    private static NoteSequence riff(int count, int phase, double bpm, int velocity) {
        var builder = NoteSequence.builder(480).tempoBpm(0, bpm);
        for (int i = 0; i < count; i++) {
            builder.note(RIFF[(phase + i) % RIFF.length], velocity, 480L * i, 240);
        }
        return builder.build();
    }

    private static Answerer answerer() {
        return new Answerer(model, TOKENIZER, turn -> new Sampler(1.0, 0, 1.0, 7 + turn));
    }

    @Test
    void theAnswerContinuesTheRiffAtTheCallsTempoAndVelocity() {
        NoteSequence call = riff(6, 0, 90, 70); // C E G B C E: the riff goes on with G
        double seconds = 6 * 60 / 90.0;
        NoteSequence answer = answerer().answer(call, seconds, 0);
        int[] p = TOKENIZER.encode(call);

        assertEquals(90, answer.tempos().get(0).bpm(), 1e-3);
        List<Note> notes = answer.notes();
        assertEquals(6, notes.size(), "six beats fill as long as the call: " + notes);
        for (int i = 0; i < notes.size(); i++) {
            Note note = notes.get(i);
            assertEquals(RIFF[(6 + i) % RIFF.length], note.pitch(), "note " + i);
            assertEquals((long) answer.resolution() * i, note.startTick(), "note " + i + " on the beat");
            assertEquals(answer.resolution() / 2, note.durationTicks(), "note " + i + " an eighth");
            assertEquals(70, note.velocity());
        }
        assertTrue(answer.durationSeconds() <= seconds + 1e-9);
    }

    @Test
    void aShorterAnswerIsCutAtItsLength() {
        NoteSequence answer = answerer().answer(riff(4, 0, 120, 100), 1.0, 3);
        assertEquals(List.of(60, 64), answer.notes().stream().map(Note::pitch).toList());
        assertEquals(0.75, answer.durationSeconds(), 1e-9, "two beats of eighth notes at 120 bpm");
    }

    @Test
    void aCallOutsideTheModelsRangeIsAnsweredWithSilence() {
        NoteSequence call = NoteSequence.builder(480).build();
        assertTrue(answerer().answer(call, 2.0, 0).notes().isEmpty());
    }
}
