package io.muse4j.core.stats;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;

/** Hand-made melodies for the statistics tests, at 480 ticks a quarter and 120 quarters a minute. */
final class Tunes {
    static final int QUARTER = 480;
    static final int EIGHTH = QUARTER / 2;

    private Tunes() {
    }

    /** Notes of one length, one after another, in 4/4. */
    static NoteSequence even(int ticks, int... pitches) {
        NoteSequenceBuilder b = NoteSequence.builder(QUARTER).timeSignature(0, 4, 4);
        for (int i = 0; i < pitches.length; i++) {
            b.note(pitches[i], 90, (long) i * ticks, ticks);
        }
        return b.build();
    }

    /** Notes given as (pitch, length in eighths) pairs, one after another, in 4/4. */
    static NoteSequence eighths(int... pitchLengthPairs) {
        NoteSequenceBuilder b = NoteSequence.builder(QUARTER).timeSignature(0, 4, 4);
        long tick = 0;
        for (int i = 0; i < pitchLengthPairs.length; i += 2) {
            long length = (long) pitchLengthPairs[i + 1] * EIGHTH;
            b.note(pitchLengthPairs[i], 90, tick, length);
            tick += length;
        }
        return b.build();
    }

    /**
     * The piece played as folk players and abc2midi do, stressing each downbeat (velocity 105, else 80), with its
     * first {@code pickupTicks} a pickup before the first bar line, though the file's 4/4 bars start at tick 0.
     */
    static NoteSequence stressed(NoteSequence piece, long pickupTicks) {
        long bar = 4L * QUARTER;
        return piece.withNotes(piece.notes().stream().map(n -> n.withVelocity(
                Math.floorMod(n.startTick() - pickupTicks, bar) == 0 ? 105 : 80)).toList());
    }

    /** The pitches of several bars of eight eighths each, one after another. */
    static int[] bars(int[]... bars) {
        return java.util.Arrays.stream(bars).flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
