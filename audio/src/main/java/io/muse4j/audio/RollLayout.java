package io.muse4j.audio;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoMap;

/** Where a piano roll puts things: time runs left to right, pitch bottom to top, one row per semitone. */
final class RollLayout {
    static final int LEFT = 44;
    static final int RIGHT = 10;
    static final int TOP = 10;
    static final int BOTTOM = 30;
    /** The roll shows at least an octave, and a semitone of room above and below the notes. */
    private static final int MIN_PITCHES = 13;

    final PianoRollPicture.TimeAxis axis;
    final int width;
    final int height;
    final int lowPitch;
    final int highPitch;
    /** The time shown: ticks for bars, seconds for seconds. */
    final double end;
    private final TempoMap tempo;

    RollLayout(NoteSequence seq, PianoRollPicture.TimeAxis axis, int width, int height) {
        this.axis = axis;
        this.width = width;
        this.height = height;
        this.tempo = seq.tempoMap();
        int low = seq.notes().stream().mapToInt(Note::pitch).min().orElse(60) - 1;
        int high = seq.notes().stream().mapToInt(Note::pitch).max().orElse(71) + 1;
        while (high - low + 1 < MIN_PITCHES) {
            low--;
            high++;
        }
        this.lowPitch = Math.max(0, low);
        this.highPitch = Math.min(127, high);
        long endTick = Math.max(1, seq.endTick());
        if (axis == PianoRollPicture.TimeAxis.BARS) {
            long[] bars = seq.bars().starts(endTick - 1);
            long lastBar = bars[bars.length - 1];
            this.end = lastBar + seq.bars().barLength(seq.bars().meterAtBar(lastBar));
        } else {
            this.end = tempo.seconds(endTick);
        }
    }

    int plotWidth() {
        return width - LEFT - RIGHT;
    }

    int plotHeight() {
        return height - TOP - BOTTOM;
    }

    double rowHeight() {
        return (double) plotHeight() / (highPitch - lowPitch + 1);
    }

    /** The x of a moment given in the axis's unit (ticks or seconds). */
    double xAt(double time) {
        return LEFT + time / end * plotWidth();
    }

    /** The x of a tick. */
    double x(long tick) {
        return xAt(axis == PianoRollPicture.TimeAxis.BARS ? tick : tempo.seconds(tick));
    }

    /** The top edge of a pitch's row. */
    double rowTop(int pitch) {
        return TOP + (highPitch - pitch) * rowHeight();
    }
}
