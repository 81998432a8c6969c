package io.muse4j.models.kind;

import io.muse4j.models.sampling.GenerationRequest;

/**
 * What models that sample no distribution over tokens (GANs from noise, an RBM by Gibbs sampling) refuse of a
 * generation request.
 */
public final class TokenOptions {
    private TokenOptions() {
    }

    /**
     * Fails naming the first option given that only token models take: seconds, the sampling controls, beam
     * search, and the primer unless the model takes one; {@code which} says which model it is.
     */
    public static void refuse(GenerationRequest request, String which, boolean takesPrimer) {
        refuse(request, which, takesPrimer, false);
    }

    /** The same, letting {@code --temperature} through where the model samples at one. */
    public static void refuse(GenerationRequest request, String which, boolean takesPrimer,
                              boolean takesTemperature) {
        GenerationRequest.Sampling sampling = request.sampling();
        String option = request.primer() != null && !takesPrimer ? "--primer"
                : request.length().seconds() != null ? "--seconds"
                : sampling.temperature() != null && !takesTemperature ? "--temperature"
                : sampling.topK() != null ? "--top-k"
                : sampling.topP() != null ? "--top-p"
                : sampling.newTemperature() != null ? "--new-temperature"
                : sampling.rhythmTemperature() != null ? "--rhythm-temperature"
                : request.beam() != null ? "--beam" : null;
        if (option != null) {
            throw new RequestException(option + " is for token models; " + which);
        }
    }
}
