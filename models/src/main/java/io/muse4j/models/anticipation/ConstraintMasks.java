package io.muse4j.models.anticipation;

import io.muse4j.core.token.ChoraleParts;

import java.util.SplittableRandom;

/**
 * The constraints a training window is shown, [step][part], drawn in three equal shares: each cell constrained with
 * a probability itself drawn uniformly (the paper's scheme); whole parts constrained (as in harmonising a melody); and
 * everything constrained but a span of some parts (as in infill).
 */
final class ConstraintMasks {
    private ConstraintMasks() {
    }

    /** A mask of {@code steps} steps: true where the cell is constrained. */
    static boolean[][] draw(SplittableRandom random, int steps) {
        boolean[][] mask = new boolean[steps][ChoraleParts.COUNT];
        switch (random.nextInt(3)) {
            case 0 -> {
                double p = random.nextDouble();
                for (boolean[] step : mask) {
                    for (int part = 0; part < ChoraleParts.COUNT; part++) {
                        step[part] = random.nextDouble() < p;
                    }
                }
            }
            case 1 -> {
                int parts = random.nextInt(1 << ChoraleParts.COUNT);
                for (boolean[] step : mask) {
                    for (int part = 0; part < ChoraleParts.COUNT; part++) {
                        step[part] = (parts >> part & 1) == 1;
                    }
                }
            }
            default -> {
                int from = random.nextInt(steps);
                int to = from + 1 + random.nextInt(steps - from);
                int freeParts = 1 + random.nextInt((1 << ChoraleParts.COUNT) - 1);
                for (int s = 0; s < steps; s++) {
                    for (int part = 0; part < ChoraleParts.COUNT; part++) {
                        mask[s][part] = s < from || s >= to || (freeParts >> part & 1) == 0;
                    }
                }
            }
        }
        return mask;
    }

    /** The soprano constrained and nothing else: harmonising, which validation and evaluation score. */
    static boolean[][] soprano(int steps) {
        boolean[][] mask = new boolean[steps][ChoraleParts.COUNT];
        for (boolean[] step : mask) {
            step[0] = true;
        }
        return mask;
    }
}
