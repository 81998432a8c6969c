package io.muse4j.core.stats;

import io.muse4j.core.metrics.MusicMetrics;
import io.muse4j.core.score.BarGrid;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.Pickups;
import io.muse4j.core.score.TimeSignature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piece's pitched notes filed under the bar they start in, with bars from the score's time signatures (4/4
 * where it has none), from tick 0 to the bar that holds the last note's end. A piece that opens at once with a whole
 * bar, not a pickup bar of its own, may still start with a pickup: folk tunes written to MIDI do. Its bar lines are
 * then put where the notes' stresses and lengths say ({@link Pickups}, as the abc encoding finds them): the first
 * bar is the pickup, and positions in it count from where the whole bar would have begun.
 */
final class Bars {
    private final int resolution;
    private final BarGrid grid;
    private final long lead;
    private final long[] starts;
    private final List<List<Note>> notes = new ArrayList<>();

    Bars(NoteSequence score) {
        resolution = score.resolution();
        List<Note> pitched = MusicMetrics.pitched(score);
        long end = pitched.stream().mapToLong(Note::endTick).max().orElse(0);
        grid = score.bars();
        lead = end == 0 ? 0 : leadIn(score);
        starts = end == 0 ? new long[0] : grid.starts(end - 1 + lead);
        for (int i = 0; i < starts.length; i++) {
            starts[i] -= lead;
            notes.add(new ArrayList<>());
        }
        for (Note n : pitched) {
            notes.get(barOf(n.startTick())).add(n);
        }
    }

    /** The ticks of silence that put the bars right, when the piece starts with an unmarked pickup; else 0. */
    private static long leadIn(NoteSequence score) {
        TimeSignature meter = score.initialTimeSignature();
        long barSteps = meter.barTicks(BarStatistics.GRID);
        long beatSteps = meter.beatTicks(BarStatistics.GRID);
        if (score.bars().pickupEnd() > 0 || barSteps <= 0 || beatSteps <= 0) {
            return 0;
        }
        List<Note> line = new ArrayList<>();
        for (Note n : MelodyEvents.melody(score)) {
            long start = Math.round((double) n.startTick() * BarStatistics.GRID / score.resolution());
            long steps = Math.round((double) n.durationTicks() * BarStatistics.GRID / score.resolution());
            line.add(Note.of(n.pitch(), n.velocity(), start, Math.max(1, steps)));
        }
        int leadSteps = Pickups.leadIn(line, (int) barSteps, (int) beatSteps);
        return Math.round((double) leadSteps * score.resolution() / BarStatistics.GRID);
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

    /** The meter of bar {@code bar}. */
    TimeSignature meter(int bar) {
        return grid.meterAtBar(starts[bar] + lead);
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
