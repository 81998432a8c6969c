package io.muse4j.models.kind;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.core.transform.Voices;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A melody harmonised by a model: the melody's notes on track 0 (MIDI channel 1), as they were, and the parts the
 * model writes below it on tracks 1, 2, ..., with the input's tempo map, meters and keys.
 *
 * @param score the harmonised score
 * @param topVoiceTaken whether the input had chords or several voices, of which only the top voice was kept
 */
public record Harmonization(NoteSequence score, boolean topVoiceTaken) {
    /**
     * The input's top voice ({@link Voices#melody}: the input itself when it is one line) harmonised by the saved
     * model; an input without pitched notes is an {@link IllegalArgumentException}.
     */
    public static Harmonization of(SavedModel saved, NoteSequence input, HarmonyRequest request) throws IOException {
        NoteSequence line = Voices.melody(input);
        long pitched = input.notes().stream().filter(n -> !n.drum()).count();
        if (line.notes().isEmpty()) {
            throw new IllegalArgumentException("holds no pitched notes to harmonise");
        }
        List<Note> notes = new ArrayList<>();
        for (Note n : line.notes()) {
            notes.add(new Note(n.pitch(), n.velocity(), n.startTick(), n.durationTicks(), n.program(), 0, false, 0));
        }
        NoteSequence melody = line.withNotes(notes);
        notes.addAll(saved.kind().harmonize(saved, melody, request));
        return new Harmonization(input.withNotes(notes), line.notes().size() < pitched);
    }

    /**
     * The parts below the melody in a roll of the melody (voice 0) and its parts, as notes in the melody's ticks at
     * the melody's mean velocity: what a kind's {@link ModelKind#harmonize} returns.
     */
    public static List<Note> lowerParts(VoiceRoll parts, NoteSequence melody, int stepsPerQuarter) {
        int velocity = (int) Math.round(melody.notes().stream().mapToInt(Note::velocity).average().orElse(80));
        return parts.toNotes(melody.resolution(), stepsPerQuarter, velocity).stream().filter(n -> n.track() > 0)
                .toList();
    }
}
