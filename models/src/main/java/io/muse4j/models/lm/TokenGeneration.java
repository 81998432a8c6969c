package io.muse4j.models.lm;

import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.sampling.Durations;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.sampling.Sampler;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * Generation with a token model: the primer's tokens (middle C without one) continued by sampling or stochastic
 * beam search, for a number of tokens, of bars, or of seconds of music.
 */
final class TokenGeneration {
    /** A bar of 4/4 at 120 beats a minute, for encodings whose time is in seconds rather than on a grid. */
    private static final double SECONDS_PER_BAR = 2.0;
    /** Tokens generated when no length is asked for: 16 bars of melody on a sixteenth grid. */
    private static final int DEFAULT_STEPS = 256;
    /**
     * The most tokens a primer may encode to: minutes of music in any encoding, and a few seconds of work to
     * prime with; a small file whose notes lie hours apart would otherwise encode to millions of time shifts.
     */
    public static final int MAX_PRIMER_TOKENS = 10_000;

    private TokenGeneration() {
    }

    /** The pieces a saved token model writes for the request. */
    static Pieces pieces(SavedModel saved, GenerationRequest request) throws IOException {
        if (request.chords() != null) {
            throw new RequestException("--chords needs a chord-conditioned model; " + saved.name() + " is a "
                    + saved.model().kind() + " model");
        }
        int beam = request.beam() != null ? request.beam() : 1;
        if (beam < 1 || beam > TokenGenerator.MAX_WIDTH) {
            throw new RequestException("--beam " + beam + " must be between 1 and " + TokenGenerator.MAX_WIDTH);
        }
        Sampler first = RequestException.checked(() -> request.sampling().sampler(0));
        TokenGenerator generator = new TokenGenerator(saved.as(TokenModel.class, "a token model"));
        EncodingSpec encoding = saved.encoding();
        Tokenizer tokenizer = encoding.tokenizer();
        int[] start = primerTokens(tokenizer, request.primer());
        GenerationRequest.Length length = request.length();
        boolean grid = encoding instanceof EncodingSpec.Melody;
        Double duration = length.seconds() != null ? length.seconds()
                : length.bars() != null && !grid ? length.bars() * SECONDS_PER_BAR : null;
        int count = duration != null ? Durations.tokenBudget(duration)
                : length.bars() != null ? gridTokens(length.bars(), encoding.stepsPerQuarter())
                : length.steps() != null ? length.steps() : DEFAULT_STEPS;
        return i -> {
            Sampler sampler = i == 1 ? first : request.sampling().sampler(i - 1);
            Predicate<int[]> enough = duration == null ? tokens -> false : Durations.lasting(tokenizer, start, duration);
            return tokenizer.decode(generator.beamSearch(start, count, beam, sampler, enough));
        };
    }

    /** The tokens of {@code bars} bars of 4/4 on the grid, at most {@link Durations#MAX_TOKENS}. */
    private static int gridTokens(int bars, int stepsPerQuarter) {
        long tokens = (long) bars * 4 * stepsPerQuarter;
        if (tokens > Durations.MAX_TOKENS) {
            throw new RequestException(String.format(java.util.Locale.ROOT, "--bars %d is %,d tokens on this "
                    + "model's grid, more than the %,d a piece may take", bars, tokens, Durations.MAX_TOKENS));
        }
        return (int) tokens;
    }

    private static int[] primerTokens(Tokenizer tokenizer, GenerationRequest.Primer primer) {
        if (primer == null) {
            return new int[] {tokenizer.vocabulary().id("NOTE_ON_60")};
        }
        int[] tokens = tokenizer.encode(primer.score());
        if (tokens.length > MAX_PRIMER_TOKENS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s: encodes to %,d tokens, "
                    + "more than the %,d a primer may have (notes far apart take many time shifts)", primer.name(),
                    tokens.length, MAX_PRIMER_TOKENS));
        }
        if (tokens.length == 0) {
            throw new IllegalArgumentException(primer.name() + ": has no notes this model's encoding can use as a primer");
        }
        return tokens;
    }
}
