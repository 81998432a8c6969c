package io.muse4j.models.kind;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.models.sampling.GenerationRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A four-part chorale model that draws chosen cells (grid step, part) of a chorale afresh and keeps every other cell:
 * from that one method it harmonises a melody (the three lower parts drawn whole) and regenerates a span of some
 * voices of a chorale, as {@link ModelKind#harmonize} and {@link ModelKind#infill} ask.
 */
public interface ChoraleRegenerator {
    /** The model's grid: steps per quarter note. */
    int stepsPerQuarter();

    /** The model's kind, for messages. */
    String kind();

    /**
     * The roll with its {@code free} cells ([step][part]; steps past the roll's end rest unless drawn) drawn afresh;
     * every other cell is as it was, except that a note held over from a free cell into a fixed one may be struck
     * again where the fixed cells begin.
     */
    VoiceRoll regenerate(VoiceRoll roll, boolean[][] free, GenerationRequest.Sampling sampling, boolean rules);

    /** The alto, tenor and bass under a melody (tracks 1 to 3), the melody's top voice kept as the soprano. */
    default List<Note> harmonize(NoteSequence melody, HarmonyRequest request) {
        VoiceRoll line = VoiceRoll.of(melody, ChoraleParts.COUNT, stepsPerQuarter());
        boolean[][] free = new boolean[line.length()][ChoraleParts.COUNT];
        for (boolean[] step : free) {
            Arrays.fill(step, 1, ChoraleParts.COUNT, true);
        }
        VoiceRoll parts = regenerate(line, free, request.sampling(), request.rules());
        return Harmonization.lowerParts(parts, melody, stepsPerQuarter());
    }

    /** The new notes of a four-voice piece's span in the chosen voices, cut at the span's edges. */
    default List<Note> infill(NoteSequence piece, InfillRequest request) {
        long voices = piece.notes().stream().mapToInt(Note::track).distinct().count();
        if (voices != ChoraleParts.COUNT) {
            throw new IllegalArgumentException("has " + voices + " voices, but a " + kind() + " model regenerates "
                    + "four-part chorales: soprano, alto, tenor and bass on four tracks");
        }
        int grid = stepsPerQuarter();
        VoiceRoll roll = VoiceRoll.of(piece, ChoraleParts.COUNT, grid);
        int from = (int) VoiceRoll.step(request.fromTick(), piece.resolution(), grid);
        int to = (int) Math.max(from + 1, VoiceRoll.step(request.toTick(), piece.resolution(), grid));
        boolean[][] free = new boolean[Math.max(roll.length(), to)][ChoraleParts.COUNT];
        for (int s = from; s < to; s++) {
            for (int voice : request.voices()) {
                free[s][voice] = true;
            }
        }
        VoiceRoll result = regenerate(roll, free, request.sampling(), request.rules());
        List<Note> fresh = new ArrayList<>();
        for (int voice : request.voices()) {
            for (Note n : result.toNotes(piece.resolution(), grid, velocity(piece, voice))) {
                long start = Math.max(n.startTick(), request.fromTick());
                long end = Math.min(n.endTick(), request.toTick());
                if (n.track() == voice && end > start) {
                    fresh.add(new Note(n.pitch(), n.velocity(), start, end - start, 0, 0, false, voice));
                }
            }
        }
        return fresh;
    }

    /** The mean velocity of a voice's notes (80 for a silent voice). */
    private static int velocity(NoteSequence piece, int voice) {
        return (int) Math.round(piece.notes().stream().filter(n -> n.track() == voice).mapToInt(Note::velocity)
                .average().orElse(80));
    }
}
