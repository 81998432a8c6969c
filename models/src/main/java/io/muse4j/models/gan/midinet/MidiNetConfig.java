package io.muse4j.models.gan.midinet;

import io.muse4j.models.nn.StackConfig;
import io.muse4j.core.score.Check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a {@link MidiNet}.
 *
 * @param noise random numbers the generator starts a bar from
 * @param filters feature maps of every layer of the generator, the conditioner and the discriminator
 * @param chordCondition whether the generator and the discriminator see the bar's chord (false: the unconditioned
 *                       control, whose chord inputs are always zero)
 */
public record MidiNetConfig(int noise, int filters, boolean chordCondition) {
    public MidiNetConfig {
        Check.range("noise size", noise, 1, 4096);
        Check.range("filters", filters, 1, 4096);
    }

    /** The shape a model file's header describes. */
    public static MidiNetConfig of(Map<String, Number> values) {
        return new MidiNetConfig(StackConfig.required(values, "noise").intValue(),
                StackConfig.required(values, "filters").intValue(),
                StackConfig.required(values, "chordCondition").intValue() != 0);
    }

    /** The shape as named numbers, for the model file's header. */
    Map<String, Number> values() {
        Map<String, Number> values = new LinkedHashMap<>();
        values.put("noise", noise);
        values.put("filters", filters);
        values.put("chordCondition", chordCondition ? 1 : 0);
        return values;
    }
}
