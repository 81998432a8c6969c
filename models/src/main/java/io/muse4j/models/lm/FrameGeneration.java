package io.muse4j.models.lm;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.TokenOptions;
import io.muse4j.models.sampling.GenerationRequest;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Generation with a piano-roll model: frames drawn one after another, each frame's keys by the model's head
 * (independently, or jointly under a NADE head), after the primer's frames or from silence. A primed piece is the
 * primer followed by its continuation, in the primer's tempo map, meters and keys ({@link PrimerFrame}).
 */
final class FrameGeneration {
    /** Bars generated when no length is asked for. */
    private static final int DEFAULT_BARS = 8;
    /** The most frames a primer and a continuation may each have: an hour of sixteenths at 120 bpm. */
    static final int MAX_FRAMES = 28_800;

    private FrameGeneration() {
    }

    /** The pieces a saved piano-roll model writes for the request. */
    static Pieces pieces(SavedModel saved, PianoRollModel model, GenerationRequest request) throws IOException {
        String which = saved.name() + " is a piano-roll model";
        if (request.chords() != null) {
            throw new RequestException("--chords needs a chord-conditioned model; " + which);
        }
        if (request.length().whole()) {
            throw new RequestException("--whole needs a model that learnt where pieces end; " + which
                    + ": give --bars or --steps");
        }
        TokenOptions.refuse(request, which, true);
        EncodingSpec encoding = saved.encoding();
        PianoRollCodec codec = encoding.rolls();
        NoteSequence primer = request.primer() == null ? null : request.primer().score();
        float[][] given = primer == null ? new float[0][] : keys(codec.encode(primer));
        if (given.length > MAX_FRAMES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: is %,d frames on this model's grid, "
                    + "more than the %,d a primer may have", request.primer().name(), given.length, MAX_FRAMES));
        }
        TimeSignature meter = primer == null ? new TimeSignature(0, 4, 4) : primer.initialTimeSignature();
        GenerationRequest.Length length = request.length();
        long frames = length.steps() != null ? length.steps()
                : (long) (length.bars() != null ? length.bars() : DEFAULT_BARS)
                * Math.max(1, Math.round(meter.numerator() * 4.0 * encoding.stepsPerQuarter() / meter.denominator()));
        if (frames > MAX_FRAMES) {
            throw new RequestException(String.format(Locale.ROOT, "%,d frames on this model's grid are more than "
                    + "the %,d a piece may have", frames, MAX_FRAMES));
        }
        long seed = request.sampling().seed();
        return i -> {
            float[][] continuation = model.continuation(given, (int) frames, new Random(seed + i - 1));
            float[][] all = IntStream.range(0, given.length + continuation.length)
                    .mapToObj(f -> f < given.length ? given[f] : continuation[f - given.length])
                    .toArray(float[][]::new);
            NoteSequence music = codec.decode(roll(all));
            return primer == null ? music : PrimerFrame.carry(music, primer, encoding);
        };
    }

    /** A roll's frames as rows of 88 keys, 1 for sounding. */
    private static float[][] keys(PianoRoll roll) {
        float[][] rows = new float[roll.length()][PianoRollCodec.KEYS];
        for (int f = 0; f < rows.length; f++) {
            for (int pitch : roll.frame(f)) {
                rows[f][pitch - PianoRollCodec.LOWEST_PITCH] = 1;
            }
        }
        return rows;
    }

    /** Rows of 88 keys as a roll of pitches. */
    private static PianoRoll roll(float[][] rows) {
        return new PianoRoll(Arrays.stream(rows).map(row -> IntStream.range(0, row.length).filter(k -> row[k] > 0.5)
                .map(k -> k + PianoRollCodec.LOWEST_PITCH).toArray()).toArray(int[][]::new));
    }
}
