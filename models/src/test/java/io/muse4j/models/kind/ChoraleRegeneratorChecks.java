package io.muse4j.models.kind;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.sampling.GenerationRequest;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every chorale regenerator (deepbach, anticipation) must do once trained on {@code SyntheticScores.fourParts}
 * pieces 0..7 of 40 notes: keep every note outside an infilled span, and the melody it harmonises.
 */
public final class ChoraleRegeneratorChecks {
    private ChoraleRegeneratorChecks() {
    }

    /** Bars 3-4 of alto and tenor of training piece 2, greedy: every other note kept, the span written back. */
    public static void infillKeepsEveryNoteOutsideTheSpanAndReproducesATrainingPiece(Path model) throws Exception {
        NoteSequence piece = SyntheticScores.fourParts(2, 40);
        long bar = piece.resolution() * 4L;
        InfillRequest request = new InfillRequest(2 * bar, 4 * bar, Set.of(1, 2),
                new GenerationRequest.Sampling(0.0, null, null, 1), false);
        NoteSequence written = Infill.of(ModelKinds.load(model), piece, request);
        for (Note n : piece.notes()) {
            if (!request.covers(n.track(), n.startTick(), n.endTick())) {
                assertTrue(written.notes().contains(n), "kept: " + n);
            }
        }
        for (Note n : written.notes()) {
            assertTrue(piece.notes().contains(n) || request.covers(n.track(), n.startTick(), n.endTick()),
                    "only the span is new: " + n);
        }
        VoiceRoll real = VoiceRoll.of(piece, 4, 4).slice(32, 64);
        VoiceRoll back = VoiceRoll.of(written, 4, 4).slice(32, 64);
        int same = 0;
        for (int s = 0; s < real.length(); s++) {
            for (int v = 1; v <= 2; v++) {
                same += real.pitch(s, v) == back.pitch(s, v) ? 1 : 0;
            }
        }
        assertTrue(same > 0.9 * 2 * real.length(), "the span comes back: " + same + " of " + 2 * real.length());
    }

    /** A new soprano harmonised at temperature 1 with the rules: the melody kept, four parts, seeded. */
    public static void harmonisingKeepsTheMelodyAndTheSameSeedGivesTheSameParts(Path model) throws Exception {
        NoteSequence piece = SyntheticScores.fourParts(101, 24);
        NoteSequence melody = piece.withNotes(piece.notes().stream().filter(n -> n.track() == 0).toList());
        HarmonyRequest sampled = new HarmonyRequest(new GenerationRequest.Sampling(1.0, null, null, 7), true);
        NoteSequence first = Harmonization.of(ModelKinds.load(model), melody, sampled).score();
        assertEquals(melody.notes(), first.notes().stream().filter(n -> n.track() == 0).toList());
        assertEquals(4, first.notes().stream().mapToInt(Note::track).distinct().count());
        assertEquals(first, Harmonization.of(ModelKinds.load(model), melody, sampled).score());
    }
}
