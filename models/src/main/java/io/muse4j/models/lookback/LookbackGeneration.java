package io.muse4j.models.lookback;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.models.lm.PrimerFrame;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.sampling.Durations;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.sampling.Sampler;

import java.io.IOException;
import java.util.Locale;

/**
 * Melodies from a {@link LookbackRnn}: the primer's events continued step by step, each sampled label resolved to
 * its event (a repeat label to the event one or two bars back), for a number of steps, of 4/4 bars of 16 steps, or
 * of seconds. Without a primer the piece starts from the silent step before its first position, and its first step
 * is drawn among the note-ons only (rest labels masked out): the piece starts on the model's own first note, on the
 * downbeat the model's step counter calls position 0, and {@code --bars N} is exactly {@code 16 N} steps from it.
 * Magenta's melody generators start from a given note; the token LSTM drops the rests sampled before its first note
 * instead, which here would leave the counter out of step with the bar lines of the file.
 */
final class LookbackGeneration {
    /** Steps generated when no length is asked for: 16 bars. */
    private static final int DEFAULT_STEPS = 16 * LookbackEncoding.STEPS_PER_BAR;
    /** The most steps a primer may have: 10,000 sixteenths is over 20 minutes at 120 bpm. */
    static final int MAX_PRIMER_STEPS = 10_000;

    private LookbackGeneration() {
    }

    /** The pieces a saved lookback model writes for the request. */
    static Pieces pieces(SavedModel saved, GenerationRequest request) throws IOException {
        if (request.chords() != null) {
            throw new RequestException("--chords needs a chord-conditioned model; " + saved.name()
                    + " is a lookback model");
        }
        if (request.beam() != null && request.beam() != 1) {
            throw new RequestException("--beam " + request.beam() + ": a lookback model samples (no beam search)");
        }
        Sampler first = RequestException.checked(() -> request.sampling().sampler(0));
        LookbackRnn model = saved.as(LookbackRnn.class, "a lookback model");
        Tokenizer tokenizer = saved.encoding().tokenizer();
        int[] primer = request.primer() == null ? new int[0] : primer(tokenizer, request.primer());
        int steps = steps(request.length(), tokenizer);
        return i -> {
            NoteSequence music = tokenizer.decode(model.sample(primer, steps,
                    i == 1 ? first : request.sampling().sampler(i - 1)));
            return request.primer() == null ? music
                    : PrimerFrame.carry(music, request.primer().score(), saved.encoding());
        };
    }

    /** Steps to generate after the primer: as asked in steps, 4/4 bars or seconds, else {@link #DEFAULT_STEPS}. */
    private static int steps(GenerationRequest.Length length, Tokenizer tokenizer) {
        long steps = length.steps() != null ? length.steps()
                : length.bars() != null ? (long) length.bars() * LookbackEncoding.STEPS_PER_BAR
                : length.seconds() != null ? (long) Math.ceil(length.seconds() / tokenizer.seconds(new int[1]))
                : DEFAULT_STEPS;
        if (steps > Durations.MAX_TOKENS) {
            throw new RequestException(String.format(Locale.ROOT, "the length asked for is %,d sixteenths, more "
                    + "than the %,d a piece may take", steps, Durations.MAX_TOKENS));
        }
        return (int) steps;
    }

    private static int[] primer(Tokenizer tokenizer, GenerationRequest.Primer primer) {
        int[] events = tokenizer.encode(primer.score());
        if (events.length > MAX_PRIMER_STEPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: lasts %,d sixteenths, more than the "
                    + "%,d a primer may", primer.name(), events.length, MAX_PRIMER_STEPS));
        }
        if (events.length == 0) {
            throw new IllegalArgumentException(primer.name() + ": has no notes this model can use as a primer");
        }
        return events;
    }
}
