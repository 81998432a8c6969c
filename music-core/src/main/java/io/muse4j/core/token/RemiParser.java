package io.muse4j.core.token;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.token.RemiLayout.Kind;

/**
 * Reads one sequence of REMI tokens into a score at the configured resolution, checking the grammar that
 * {@link RemiTokenizer} documents; each failure names the token, its index and the rule. Use once.
 */
final class RemiParser {
    private static final String OPENING = "a sequence opens with BAR, TIME_SIG, POSITION_0, TEMPO";
    private static final Kind[] OPENING_KINDS = {Kind.BAR, Kind.TIME_SIG, Kind.POSITION, Kind.TEMPO};

    private final RemiConfig config;
    private final RemiLayout layout;
    private final VelocityBins velocityBins;
    private final TempoBins tempoBins;
    private final int[] tokens;
    private final NoteSequenceBuilder out;
    private int bar = -1;
    private long barStart;
    private int[] meter = {4, 4};
    private int lastPosition = -1;
    private long positionTick;

    RemiParser(RemiConfig config, RemiLayout layout, VelocityBins velocityBins, TempoBins tempoBins, int[] tokens) {
        this.config = config;
        this.layout = layout;
        this.velocityBins = velocityBins;
        this.tempoBins = tempoBins;
        this.tokens = tokens;
        this.out = NoteSequence.builder(config.resolution());
    }

    /** The score the tokens describe, before normalization. */
    NoteSequence parse() {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= layout.vocabulary.size()) {
                throw new IllegalArgumentException("token id " + tokens[i] + " at position " + i + " outside 0.."
                        + (layout.vocabulary.size() - 1));
            }
        }
        checkOpening();
        for (int i = 0; i < tokens.length; i++) {
            switch (layout.kind(tokens[i])) {
                case BAR -> bar();
                case TIME_SIG -> timeSignature(i);
                case POSITION -> position(i);
                case TEMPO -> tempo(i);
                case PITCH -> i = note(i);
                case VELOCITY -> throw fail(i, "a VELOCITY must come right after a PITCH");
                case DURATION -> throw fail(i, "a DURATION must come right after a PITCH and its VELOCITY");
            }
        }
        return out.build();
    }

    private void checkOpening() {
        for (int j = 0; j < OPENING_KINDS.length; j++) {
            if (j >= tokens.length) {
                throw new IllegalArgumentException(
                        "the sequence of " + tokens.length + " tokens ends inside its opening: " + OPENING);
            }
            if (layout.kind(tokens[j]) != OPENING_KINDS[j] || (j == 2 && tokens[j] != layout.position)) {
                throw fail(j, OPENING);
            }
        }
    }

    private void bar() {
        if (bar >= 0) {
            barStart += barSteps() * (long) config.ticksPerStep();
        }
        bar++;
        lastPosition = -1;
    }

    private int barSteps() {
        return layout.barSteps(meter[0], meter[1]);
    }

    private void timeSignature(int i) {
        if (tokens[i - 1] != RemiLayout.BAR) {
            throw fail(i, "a TIME_SIG must come right after BAR");
        }
        meter = layout.meter(tokens[i]);
        out.timeSignature(barStart, meter[0], meter[1]);
    }

    private void position(int i) {
        int k = tokens[i] - layout.position;
        if (k >= barSteps()) {
            throw fail(i, "bar " + bar + " in " + meter[0] + "/" + meter[1] + " has positions 0.." + (barSteps() - 1));
        }
        if (k <= lastPosition) {
            throw fail(i, "positions must rise within a bar, and bar " + bar + " is already at POSITION_"
                    + lastPosition);
        }
        lastPosition = k;
        positionTick = barStart + k * (long) config.ticksPerStep();
    }

    private void tempo(int i) {
        if (layout.kind(tokens[i - 1]) != Kind.POSITION) {
            throw fail(i, "a TEMPO must come right after a POSITION");
        }
        out.tempo(new TempoChange(positionTick, tempoBins.micros(tokens[i] - layout.tempo)));
    }

    /** Reads PITCH VELOCITY DURATION from {@code i}; returns the index of the DURATION. */
    private int note(int i) {
        if (lastPosition < 0) {
            throw fail(i, "a PITCH needs a POSITION before it in its bar");
        }
        if (i + 2 >= tokens.length || layout.kind(tokens[i + 1]) != Kind.VELOCITY
                || layout.kind(tokens[i + 2]) != Kind.DURATION) {
            String found = i + 1 >= tokens.length ? "the end" : i + 2 >= tokens.length
                    ? name(i + 1) + " and the end" : name(i + 1) + " " + name(i + 2);
            throw fail(i, "a PITCH must be followed by VELOCITY then DURATION, not by " + found);
        }
        int velocity = velocityBins.velocity(tokens[i + 1] - layout.velocity + 1);
        long duration = (tokens[i + 2] - layout.duration + 1) * (long) config.ticksPerStep();
        out.note(Note.of(tokens[i] - layout.pitch, velocity, positionTick, duration));
        return i + 2;
    }

    private String name(int i) {
        return layout.vocabulary.name(tokens[i]);
    }

    private IllegalArgumentException fail(int i, String rule) {
        return new IllegalArgumentException("token " + name(i) + " at position " + i + ": " + rule);
    }
}
