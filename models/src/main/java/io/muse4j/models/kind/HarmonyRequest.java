package io.muse4j.models.kind;

import io.muse4j.models.sampling.GenerationRequest;

/**
 * How to harmonise a melody.
 *
 * @param sampling how the parts are drawn: temperature (0 for the likeliest), top-k, top-p and the seed
 * @param rules whether the parts avoid parallel fifths and octaves, crossings and wide spacing where the model would
 *              write them (see each harmoniser)
 */
public record HarmonyRequest(GenerationRequest.Sampling sampling, boolean rules) {
}
