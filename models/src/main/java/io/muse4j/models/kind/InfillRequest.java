package io.muse4j.models.kind;

import io.muse4j.models.sampling.GenerationRequest;

import java.util.Set;

/**
 * What to regenerate in a piece: a span of ticks in some of its voices.
 *
 * @param fromTick where the span starts
 * @param toTick where it ends (excluded)
 * @param voices the voices regenerated: indices of the piece's pitched tracks, in track order, from 0
 * @param sampling how the new notes are drawn: temperature (0 for the likeliest), top-k, top-p and the seed
 * @param rules whether the new notes avoid parallel fifths and octaves, crossings and wide spacing where the model
 *              would write them (see each kind)
 */
public record InfillRequest(long fromTick, long toTick, Set<Integer> voices, GenerationRequest.Sampling sampling,
                            boolean rules) {
    public InfillRequest {
        if (fromTick < 0 || toTick <= fromTick) {
            throw new IllegalArgumentException("the span " + fromTick + ".." + toTick + " holds no ticks");
        }
        if (voices.isEmpty()) {
            throw new IllegalArgumentException("no voices to regenerate");
        }
        voices = Set.copyOf(voices);
    }

    /** Whether a note of a voice sounds in the span and so is regenerated. */
    public boolean covers(int voice, long startTick, long endTick) {
        return voices.contains(voice) && startTick < toTick && endTick > fromTick;
    }
}
