package io.muse4j.core.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The id ranges of a {@link RemiTokenizer} vocabulary, shared by its encoder and its parser. */
final class RemiLayout {
    /** The kinds of REMI token, in id order. */
    enum Kind { BAR, TIME_SIG, POSITION, TEMPO, PITCH, VELOCITY, DURATION }

    static final int BAR = 0;
    static final int TIME_SIG = 1;
    private static final int[] DENOMINATORS = {2, 4, 8, 16};
    private static final int MAX_NUMERATOR = 16;

    private final int stepsPerQuarter;
    private final List<int[]> meters = new ArrayList<>();
    private final int[][] meterIds = new int[MAX_NUMERATOR + 1][17];
    final int position;
    final int tempo;
    final int pitch;
    final int velocity;
    final int duration;
    final Vocabulary vocabulary;

    RemiLayout(RemiConfig config) {
        stepsPerQuarter = config.stepsPerQuarter();
        List<String> names = new ArrayList<>(List.of("BAR"));
        for (int[] row : meterIds) {
            Arrays.fill(row, -1);
        }
        for (int d : DENOMINATORS) {
            for (int n = 1; n <= MAX_NUMERATOR; n++) {
                if (4L * n * stepsPerQuarter % d == 0) {
                    meterIds[n][d] = TIME_SIG + meters.size();
                    meters.add(new int[] {n, d});
                    names.add("TIME_SIG_" + n + "/" + d);
                }
            }
        }
        position = TIME_SIG + meters.size();
        tempo = position + barSteps(MAX_NUMERATOR, DENOMINATORS[0]);
        pitch = tempo + config.tempoBins();
        velocity = pitch + 128;
        duration = velocity + config.velocityBins();
        addNames(names, "POSITION_", 0, tempo - position);
        addNames(names, "TEMPO_", 0, config.tempoBins());
        addNames(names, "PITCH_", 0, 128);
        addNames(names, "VELOCITY_", 1, config.velocityBins());
        addNames(names, "DURATION_", 1, config.maxDurationSteps());
        vocabulary = new Vocabulary(names);
    }

    private static void addNames(List<String> names, String prefix, int first, int count) {
        for (int k = first; k < first + count; k++) {
            names.add(prefix + k);
        }
    }

    /** The kind of a valid id. */
    Kind kind(int id) {
        if (id == BAR) {
            return Kind.BAR;
        }
        if (id < position) {
            return Kind.TIME_SIG;
        }
        if (id < tempo) {
            return Kind.POSITION;
        }
        if (id < pitch) {
            return Kind.TEMPO;
        }
        if (id < velocity) {
            return Kind.PITCH;
        }
        return id < duration ? Kind.VELOCITY : Kind.DURATION;
    }

    /**
     * The TIME_SIG id of a meter, or -1 where it has none: the numerator must be 1..16, the denominator 2, 4, 8
     * or 16, and a bar a whole number of grid steps.
     */
    int meterId(int numerator, int denominator) {
        return numerator <= MAX_NUMERATOR && denominator <= 16 ? meterIds[numerator][denominator] : -1;
    }

    /** The meter {numerator, denominator} of a TIME_SIG id. */
    int[] meter(int id) {
        return meters.get(id - TIME_SIG).clone();
    }

    /** The number of grid steps in a bar of a meter this layout holds. */
    int barSteps(int numerator, int denominator) {
        return 4 * numerator * stepsPerQuarter / denominator;
    }
}
