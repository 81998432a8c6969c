package io.muse4j.models.gan.midinet;

import io.muse4j.models.file.ConfigValues;

import io.muse4j.core.score.Check;

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

    /** The config a model file's named numbers describe. */
    public static MidiNetConfig of(Map<String, Number> values) {
        return ConfigValues.read(MidiNetConfig.class, values, Map.of());
    }

    /** The config as named numbers, for the model file's header. */
    public Map<String, Number> values() {
        return ConfigValues.of(this);
    }
}
