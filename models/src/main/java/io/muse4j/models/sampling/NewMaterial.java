package io.muse4j.models.sampling;

import io.muse4j.core.token.Material;

import java.util.function.Function;

/**
 * How a {@link Sampler} draws new material, where the encoding tells it ({@code Tokenizer.material}): without the
 * top-k and top-p cuts, the lengths of its notes at one temperature and its other tokens at another. A null
 * temperature draws that part as every other token.
 *
 * @param temperature for the notes, rests and bar lines of new material; 0 (greedy) or above, or null
 * @param lengthTemperature for the lengths of its notes; 0 (greedy) or above, or null
 * @param where what the token after a context continues
 */
public record NewMaterial(Double temperature, Double lengthTemperature, Function<int[], Material> where) {
    /** Checks the temperatures. */
    public NewMaterial {
        Sampler.checkTemperature("new-material temperature", temperature);
        Sampler.checkTemperature("rhythm temperature", lengthTemperature);
        if (where == null) {
            throw new IllegalArgumentException("new material needs an encoding that tells it");
        }
    }

    /** The temperature at which the token after {@code context} is drawn uncut; null to draw it as the rest. */
    Double temperatureAfter(int[] context) {
        return switch (where.apply(context)) {
            case NEW_LENGTH -> lengthTemperature;
            case NEW -> temperature;
            case OTHER -> null;
        };
    }
}
