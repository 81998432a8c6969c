package io.muse4j.models.sampling;

import io.muse4j.core.harmony.ChordSymbol;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.Material;

import java.util.List;
import java.util.function.Function;

/**
 * What a user asks a model to generate; each kind of model serves what it can and refuses the rest by name.
 *
 * @param length how much to generate
 * @param primer music to continue; null for none
 * @param sampling the sampling controls
 * @param beam beams of stochastic beam search; null when not asked for (plain sampling)
 * @param chords a chord a bar, cycled, for chord-conditioned models; null for none
 */
public record GenerationRequest(Length length, Primer primer, Sampling sampling, Integer beam,
                                List<ChordSymbol> chords) {
    /**
     * How much to generate: at most one of the four is given; none means each kind's default.
     *
     * @param steps tokens (notes for a GAN)
     * @param bars bars of 4/4
     * @param seconds seconds after the primer
     * @param whole whole pieces, ended where the model ends them (for models that learnt where pieces end)
     */
    public record Length(Integer steps, Integer bars, Double seconds, boolean whole) {
        /** A length without {@code whole}. */
        public Length(Integer steps, Integer bars, Double seconds) {
            this(steps, bars, seconds, false);
        }
    }

    /**
     * A primer.
     *
     * @param name the file it came from, for messages
     * @param score its music
     */
    public record Primer(String name, NoteSequence score) {
    }

    /**
     * Sampling controls; a control left out is null and takes its default.
     *
     * @param temperature 0 is greedy (default 1)
     * @param topK sample among the K likeliest, 0 for all (default 0)
     * @param topP nucleus mass (default 1)
     * @param newTemperature the temperature at which the notes, rests and bar lines of new material are drawn,
     *                       without the top-k and top-p cuts, by models whose encoding tells new material from
     *                       restated bars ({@link NewMaterial}); null draws them as every other token
     * @param rhythmTemperature the same for the lengths of the notes of new material
     * @param seed the first piece's seed; piece i is seeded i - 1 after it
     */
    public record Sampling(Double temperature, Integer topK, Double topP, Double newTemperature,
                           Double rhythmTemperature, long seed) {
        /** Controls that draw new material as the rest. */
        public Sampling(Double temperature, Integer topK, Double topP, long seed) {
            this(temperature, topK, topP, null, null, seed);
        }

        /** Whether new material is drawn apart from the rest. */
        public boolean drawsNewMaterial() {
            return newTemperature != null || rhythmTemperature != null;
        }

        /** A sampler with these controls, seeded {@code offset} after the seed; refused if it draws new material. */
        public Sampler sampler(long offset) {
            return sampler(offset, null);
        }

        /**
         * A sampler with these controls, seeded {@code offset} after the seed, that tells new material by
         * {@code material}; null where the model cannot tell it, which refuses new-material temperatures.
         */
        public Sampler sampler(long offset, Function<int[], Material> material) {
            if (drawsNewMaterial() && material == null) {
                throw new IllegalArgumentException("--new-temperature and --rhythm-temperature need a model whose "
                        + "encoding tells new material from restated bars, such as abc");
            }
            double t = temperature != null ? temperature : 1.0;
            int k = topK != null ? topK : 0;
            double p = topP != null ? topP : 1.0;
            return new Sampler(t, k, p, seed + offset,
                    drawsNewMaterial() ? new NewMaterial(newTemperature, rhythmTemperature, material) : null);
        }
    }
}
