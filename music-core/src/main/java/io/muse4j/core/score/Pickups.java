package io.muse4j.core.score;

import java.util.List;

/**
 * Where the bar lines of a melody that starts at once fall: a tune with a pickup (an anacrusis) written to MIDI
 * starts with it, so bars counted from the first note are off by the pickup. The lead-in is the silence that puts
 * them right, as the ABC reader writes it: the shift that best puts the notes' weight on downbeats (twice) and other
 * beats. A note weighs its duration up to a beat, times a factor that grows steeply with its velocity, so stressed
 * notes (players stress downbeats) decide where there are any, and long notes where all are alike. The earliest
 * shift wins a tie. The abc encoding bars a tune by it, and {@code muse4j stats} reads a piece's bars by it.
 */
public final class Pickups {
    /** Velocities this far apart weigh e times apart: a stress of 10 or 15 (abc2midi's) outweighs any duration. */
    private static final double VELOCITY_SCALE = 5;

    private Pickups() {
    }

    /**
     * The steps of silence to put before the line (in steps, in time order, not overlapping) so that its bars fall
     * right; 0 when it does not start at step 0, where its own timing is trusted.
     */
    public static int leadIn(List<Note> line, int barSteps, int beatSteps) {
        if (line.isEmpty() || line.get(0).startTick() != 0) {
            return 0;
        }
        int best = 0;
        double bestScore = -1;
        for (int lead = 0; lead < barSteps; lead++) {
            double accent = 0;
            for (Note note : line) {
                long position = (note.startTick() + lead) % barSteps;
                int strength = position == 0 ? 2 : position % beatSteps == 0 ? 1 : 0;
                accent += strength * weight(note, beatSteps);
            }
            if (accent > bestScore * (1 + 1e-9)) {
                bestScore = accent;
                best = lead;
            }
        }
        return best;
    }

    private static double weight(Note note, int beatSteps) {
        return Math.min(note.durationTicks(), beatSteps) * Math.exp(note.velocity() / VELOCITY_SCALE);
    }
}
