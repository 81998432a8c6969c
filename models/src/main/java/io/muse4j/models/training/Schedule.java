package io.muse4j.models.training;

/**
 * A value that follows the training step, such as the weight of an extra loss term (a VAE's KL term warming up
 * from 0, say). A pure function of the step, so a resumed run gets the values an uninterrupted one would.
 */
@FunctionalInterface
public interface Schedule {
    /** The value at optimiser step {@code step}, counting from 0. */
    double at(long step);

    /** The same value at every step. */
    static Schedule constant(double value) {
        return step -> value;
    }

    /** {@code from} up to {@code startStep}, then a straight line reaching {@code to} at {@code endStep}, then {@code to}. */
    static Schedule linear(double from, double to, long startStep, long endStep) {
        if (endStep < startStep) {
            throw new IllegalArgumentException("schedule ends at step " + endStep + ", before it starts at " + startStep);
        }
        return step -> {
            if (step <= startStep) {
                return step == endStep ? to : from;
            }
            if (step >= endStep) {
                return to;
            }
            return from + (to - from) * (step - startStep) / (double) (endStep - startStep);
        };
    }
}
