package io.muse4j.models.lm;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;
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
 * Generation with a token model: the primer's tokens (a neutral start without one, see {@link Opening}) continued
 * by sampling or stochastic beam search, for a number of tokens, of bars, or of seconds of music. A primed piece
 * keeps the primer's tempo map, meters and keys ({@link PrimerFrame}); bars are bars of the primer's first meter
 * (4/4 without one), and {@code --bars N} of melody is exactly {@code N} bars of grid steps from the first note.
 */
final class TokenGeneration {
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
        NoteSequence primer = request.primer() == null ? null : request.primer().score();
        Opening opening = primer == null ? Opening.neutral(encoding, tokenizer)
                : Opening.primer(tokenizer.primer(primerTokens(tokenizer, request.primer())), encoding);
        GenerationRequest.Length length = request.length();
        if (tokenizer.endToken() >= 0) {
            return Endings.pieces(generator, tokenizer, opening, length, request, beam, first, primer, encoding);
        }
        if (length.whole()) {
            throw new RequestException("--whole needs a model that learnt where pieces end (an encoding with an end "
                    + "token, such as abc); " + saved.name() + " uses the " + encoding.name() + " encoding");
        }
        int[] start = opening.start();
        TimeSignature meter = primer == null ? new TimeSignature(0, 4, 4) : primer.initialTimeSignature();
        boolean grid = encoding instanceof EncodingSpec.Melody;
        Double duration = length.seconds() != null ? length.seconds()
                : length.bars() != null && !grid ? length.bars() * secondsPerBar(primer, meter) : null;
        int count = duration != null ? Durations.tokenBudget(duration)
                : length.bars() != null ? gridTokens(length.bars(), meter, encoding.stepsPerQuarter())
                : length.steps() != null ? length.steps() : DEFAULT_STEPS;
        // after a neutral start the piece's tokens are counted from its first note, so leave room for rests
        int budget = opening.neutral() && duration == null ? (int) Math.min(Durations.MAX_TOKENS, 2L * count) : count;
        int limit = duration == null ? count : -1;
        return i -> {
            Sampler sampler = i == 1 ? first : request.sampling().sampler(i - 1);
            Predicate<int[]> enough = enough(tokenizer, opening, duration, count);
            int[] tokens = opening.piece(generator.beamSearch(start, budget, beam, sampler, enough), limit);
            NoteSequence music = tokenizer.decode(tokens);
            return primer == null ? music : PrimerFrame.carry(music, primer, encoding);
        };
    }

    /**
     * When sampling may stop: once the music after the start lasts {@code duration} seconds, or, after a neutral
     * start, once the piece has {@code count} tokens from its first note; else after the budget.
     */
    private static Predicate<int[]> enough(Tokenizer tokenizer, Opening opening, Double duration, int count) {
        if (duration != null) {
            if (!opening.neutral()) {
                return Durations.lasting(tokenizer, opening.start(), duration);
            }
            Predicate<int[]> lasting = Durations.lasting(tokenizer, new int[0], duration);
            return tokens -> lasting.test(opening.piece(tokens, -1));
        }
        return opening.neutral() ? tokens -> opening.piece(tokens, -1).length >= count : tokens -> false;
    }

    /** The seconds of a bar of the meter at the primer's first tempo (120 bpm without a primer). */
    static double secondsPerBar(NoteSequence primer, TimeSignature meter) {
        int micros = primer == null ? TempoChange.DEFAULT_MICROS_PER_QUARTER : primer.tempoMap().microsPerQuarterAt(0);
        return meter.numerator() * 4.0 / meter.denominator() * micros / 1e6;
    }

    /** The tokens of {@code bars} bars of the meter on the grid, at most {@link Durations#MAX_TOKENS}. */
    private static int gridTokens(int bars, TimeSignature meter, int stepsPerQuarter) {
        long stepsPerBar = Math.max(1, Math.round(meter.numerator() * 4.0 * stepsPerQuarter / meter.denominator()));
        long tokens = bars * stepsPerBar;
        if (tokens > Durations.MAX_TOKENS) {
            throw new RequestException(String.format(java.util.Locale.ROOT, "--bars %d is %,d tokens on this "
                    + "model's grid, more than the %,d a piece may take", bars, tokens, Durations.MAX_TOKENS));
        }
        return (int) tokens;
    }

    static int[] primerTokens(Tokenizer tokenizer, GenerationRequest.Primer primer) {
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
