package io.muse4j.models.lm;

import io.muse4j.core.score.BarGrid;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.core.transform.Slicing;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.sampling.Durations;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.sampling.Sampler;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Generation with a model whose encoding has an end token, so that it learnt where pieces end (issue 21).
 * <ul>
 *   <li>{@code --whole}, and no length at all: the piece runs until the model writes the end, or to a cap of
 *       {@link #WHOLE_TOKENS} tokens, against a runaway;</li>
 *   <li>{@code --bars N}: whole pieces are drawn, up to {@link #WHOLE_ATTEMPTS}, and the first that ends in its N-th
 *       bar is kept (a pickup bar does not count): the model's own pieces of that length, with their
 *       own endings. When none does, the end is not allowed before N bars, the last bar is the likeliest to end the
 *       piece of several drawn, and the piece is cut at the N-th bar line;</li>
 *   <li>{@code --seconds S}: the end is not allowed until S seconds after the primer, where the music is cut;</li>
 *   <li>{@code --steps N}: N tokens, or fewer when the model ends the piece.</li>
 * </ul>
 */
final class Endings {
    /** The most tokens a whole piece may take: several times the longest folk tune (about 270 tokens on average). */
    static final int WHOLE_TOKENS = 3_000;
    /** Whole pieces drawn for {@code --bars N}, the first that ends in its N-th bar kept, before cutting one. */
    static final int WHOLE_ATTEMPTS = 16;
    /** The last bars drawn for a whole tune's cadence and for {@code --bars N}; the likeliest to end it is kept. */
    static final int CADENCE_CANDIDATES = 16;

    private Endings() {
    }

    static Pieces pieces(TokenGenerator generator, Tokenizer tokenizer, Opening opening, GenerationRequest.Length length,
                         IntFunction<Sampler> samplers, int beam, NoteSequence primer,
                         EncodingSpec encoding) {
        int end = tokenizer.endToken();
        int[] start = opening.start();
        if (length.bars() != null) {
            return bars(generator, tokenizer, start, length.bars(), samplers, beam, primer, encoding);
        }
        Double seconds = length.seconds();
        boolean endsFreely = seconds == null;
        int budget = length.steps() != null ? length.steps()
                : seconds != null ? Math.max(WHOLE_TOKENS, Durations.tokenBudget(seconds)) : WHOLE_TOKENS;
        double primedSeconds = tokenizer.seconds(start);
        return i -> {
            Sampler sampler = samplers.apply(i);
            // made for each piece: the check counts its calls, and piece i depends on nothing but i
            Predicate<int[]> reached = seconds != null ? Durations.lasting(tokenizer, start, seconds) : tokens -> true;
            boolean[] longEnough = {endsFreely};
            BiConsumer<int[], float[]> rule = (tokens, logits) -> {
                if (tokens[tokens.length - 1] == end) {
                    Arrays.fill(logits, Float.NEGATIVE_INFINITY); // an ended beam stays ended
                    logits[end] = 0;
                } else if (!longEnough[0]) {
                    logits[end] = Float.NEGATIVE_INFINITY;
                }
            };
            Predicate<int[]> enough = tokens -> {
                if (tokens[tokens.length - 1] == end) {
                    return true;
                }
                longEnough[0] = longEnough[0] || reached.test(tokens);
                return longEnough[0] && !endsFreely;
            };
            int[] tokens = generator.beamSearch(start, budget, beam, sampler, enough, rule);
            if (endsFreely && length.steps() == null) {
                tokens = cadence(generator, tokenizer, tokens, start.length, sampler);
            }
            NoteSequence music = tokenizer.decode(tokens);
            if (seconds != null && music.durationSeconds() > primedSeconds + seconds) {
                music = Slicing.sliceSeconds(music, 0, primedSeconds + seconds);
            }
            return primer == null ? music : PrimerFrame.carry(music, primer, encoding);
        };
    }

    /**
     * A whole tune with its last bar drawn again as a cadence: {@link #CADENCE_CANDIDATES} bars of the same length
     * are drawn after the ones before it, and the one after which the model would most likely end the tune is kept
     * ({@link TokenGenerator#likeliestEnding}), with the original's closing tokens; its last note may outlast the
     * bar as drawn (a held last note after a pickup's short bar). The tune as drawn where it did
     * not end, where its encoding has no bars ({@link Tokenizer#lastBarEvents}), or where its last bar lies in the
     * primer or no candidate fills it.
     */
    private static int[] cadence(TokenGenerator generator, Tokenizer tokenizer, int[] tokens, int primed,
                                 Sampler sampler) {
        int[] bar = tokenizer.lastBarEvents(tokens);
        if (bar == null || bar[0] < Math.max(1, primed)) {
            return tokens;
        }
        long end = tokenizer.decode(Arrays.copyOf(tokens, bar[1])).endTick();
        int count = 4 * (bar[1] - bar[0]) + 8;
        int[] chosen = generator.likeliestEnding(Arrays.copyOf(tokens, bar[0]), CADENCE_CANDIDATES, count, sampler,
                candidate -> tokenizer.decode(candidate).endTick() >= end, tokenizer.endToken());
        if (tokenizer.decode(chosen).endTick() < end) {
            return tokens;
        }
        int[] tune = Arrays.copyOf(chosen, chosen.length + tokens.length - bar[1]);
        System.arraycopy(tokens, bar[1], tune, chosen.length, tokens.length - bar[1]);
        return tune;
    }

    /**
     * N bars ending on a cadence: a whole piece of N bars where the model writes one within a few tries; else the
     * first N - 1 bars are drawn with the end not allowed, then
     * {@link #CADENCE_CANDIDATES} last bars, of which the one after which the model would most likely end the piece
     * is kept ({@link TokenGenerator#likeliestEnding}); the music is cut at the N-th bar line.
     */
    private static Pieces bars(TokenGenerator generator, Tokenizer tokenizer, int[] start, int bars,
                               IntFunction<Sampler> samplers, int beam, NoteSequence primer,
                               EncodingSpec encoding) {
        int end = tokenizer.endToken();
        int budget = checkedBars(bars);
        long primed = tokenizer.decode(start).endTick();
        BiConsumer<int[], float[]> noEnd = (tokens, logits) -> logits[end] = Float.NEGATIVE_INFINITY;
        BiConsumer<int[], float[]> free = (tokens, logits) -> { };
        return i -> {
            Sampler sampler = samplers.apply(i);
            NoteSequence music = null;
            for (int attempt = 0; attempt < WHOLE_ATTEMPTS && music == null; attempt++) {
                int[] whole = generator.beamSearch(start, Math.min(WHOLE_TOKENS, budget), beam, sampler,
                        tokens -> tokens[tokens.length - 1] == end, free);
                NoteSequence tune = tokenizer.decode(whole);
                boolean ended = whole[whole.length - 1] == end;
                music = ended && tune.endTick() > target(tune, primed, bars - 1)
                        && tune.endTick() <= target(tune, primed, bars) ? tune : null;
            }
            if (music == null) {
                int[] body = generator.beamSearch(start, budget, beam, sampler,
                        Durations.sparsely(tokens -> reaches(tokenizer.decode(tokens), primed, bars - 1)), noEnd);
                int[] tokens = generator.likeliestEnding(body, CADENCE_CANDIDATES, budget, sampler,
                        candidate -> reaches(tokenizer.decode(candidate), primed, bars), end);
                music = tokenizer.decode(tokens);
                if (music.endTick() > 0) {
                    music = Slicing.slice(music, 0, target(music, primed, bars));
                }
            }
            return primer == null ? music : PrimerFrame.carry(music, primer, encoding);
        };
    }

    /** The token budget of N bars: plenty for bars of sixteenths, which take two tokens a note. */
    private static int checkedBars(int bars) {
        long budget = 200L * bars + 100;
        if (budget > Durations.MAX_TOKENS) {
            throw new RequestException(String.format(java.util.Locale.ROOT, "--bars %d may take more than the %,d "
                    + "tokens a piece may take", bars, Durations.MAX_TOKENS));
        }
        return (int) budget;
    }

    private static boolean reaches(NoteSequence music, long primed, int bars) {
        return music.endTick() >= target(music, primed, bars);
    }

    /**
     * The tick N bars after the primer's end, following the music's meters, counting the bar the primer ends in as
     * the primer's; from the start without a primer. A pickup bar (a short first bar in a meter of its own, then the
     * tune's) does not count, as musicians count a tune: a 32-bar reel with a pickup ends in its 32nd bar.
     */
    private static long target(NoteSequence music, long primed, int bars) {
        BarGrid grid = music.bars();
        long tick = grid.pickupEnd();
        while (tick < primed) {
            tick += grid.barLength(grid.meterAtBar(tick));
        }
        for (int bar = 0; bar < bars; bar++) {
            tick += grid.barLength(grid.meterAtBar(tick));
        }
        return tick;
    }
}
