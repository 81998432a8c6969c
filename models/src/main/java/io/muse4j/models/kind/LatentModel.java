package io.muse4j.models.kind;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A model that writes windows of music from codes in a latent space (MusicVAE's z, DeepHear's code layer), as
 * {@code muse4j sample} and {@code interpolate} use it: codes drawn from its prior, or on a path between the codes of
 * two pieces, each decoded to a window. A kind offers one through {@link ModelKind#latent}.
 */
public interface LatentModel {
    /** Values in a code. */
    int size();

    /** {@code count} codes drawn from the model's prior by {@code random}. */
    double[][] prior(int count, Random random);

    /**
     * The code of a piece's first window (a VAE's posterior mean). What reading the piece changed, such as voices
     * dropped, goes to {@code notices} as a line; a piece the model cannot read fails naming {@code name}.
     */
    double[] encode(NoteSequence piece, String name, Consumer<String> notices) throws IOException;

    /** Each code decoded to a window, at {@code temperature} (0: the likeliest symbols), seeded by {@code seed}. */
    List<NoteSequence> decode(double[][] codes, double temperature, long seed);

    /** Grid steps a window spans. */
    int windowSteps();

    /** Grid steps per quarter note. */
    int stepsPerQuarter();

    /** Decoded windows one after another, window {@code i} starting {@code i} windows in; the first's frame kept. */
    default NoteSequence joined(List<NoteSequence> windows) {
        List<Note> notes = new ArrayList<>();
        NoteSequence first = windows.get(0);
        long length = Math.round((double) windowSteps() * first.resolution() / stepsPerQuarter());
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).resolution() != first.resolution()) {
                throw new IllegalArgumentException("windows of " + first.resolution() + " and "
                        + windows.get(i).resolution() + " ticks per quarter");
            }
            for (Note note : windows.get(i).notes()) {
                notes.add(note.withTiming(note.startTick() + i * length, note.durationTicks()));
            }
        }
        return first.withNotes(notes);
    }
}
