package io.muse4j.core.stats;

import io.muse4j.core.metrics.MusicMetrics;
import io.muse4j.core.score.BarGrid;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TimeSignature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piece's pitched notes filed under the bar they start in, with bars from the score's time signatures (4/4
 * where it has none), from tick 0 to the bar that holds the last note's end.
 */
final class Bars {
    private final int resolution;
    private final BarGrid grid;
    private final long[] starts;
    private final List<List<Note>> notes = new ArrayList<>();

    Bars(NoteSequence score) {
        resolution = score.resolution();
        List<Note> pitched = MusicMetrics.pitched(score);
        long end = pitched.stream().mapToLong(Note::endTick).max().orElse(0);
        grid = score.bars();
        starts = end == 0 ? new long[0] : grid.starts(end - 1);
        for (int i = 0; i < starts.length; i++) {
            notes.add(new ArrayList<>());
        }
        for (Note n : pitched) {
            notes.get(barOf(n.startTick())).add(n);
        }
    }

    /** How many bars there are. */
    int count() {
        return starts.length;
    }

    /** Where a tick falls in its bar, in grid steps of {@code stepsPerQuarter} a quarter note, rounded. */
    long step(long tick, int stepsPerQuarter) {
        return Math.round((double) (tick - starts[barOf(tick)]) * stepsPerQuarter / resolution);
    }

    /** The length of bar {@code bar} in grid steps of {@code stepsPerQuarter} a quarter note, rounded. */
    long steps(int bar, int stepsPerQuarter) {
        return Math.round((double) length(bar) * stepsPerQuarter / resolution);
    }

    /** The notes that start in bar {@code bar}, in the score's order. */
    List<Note> notes(int bar) {
        return notes.get(bar);
    }

    /** Where bar {@code bar} starts, in ticks. */
    long start(int bar) {
        return starts[bar];
    }

    /** The meter of bar {@code bar}. */
    TimeSignature meter(int bar) {
        return grid.meterAtBar(starts[bar]);
    }

    /** The length of bar {@code bar} in ticks. */
    long length(int bar) {
        return grid.barLength(meter(bar));
    }

    /** The index of the bar that holds {@code tick}. */
    int barOf(long tick) {
        int found = Arrays.binarySearch(starts, tick);
        return found >= 0 ? found : -found - 2;
    }
}
