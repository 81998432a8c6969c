package io.muse4j.models.anticipation;

import io.muse4j.core.token.ChoraleParts;

/**
 * A batch of serialised chorale windows, all of one length: each window's tokens (joint ids, {@link
 * AnticipationRnn#token}), its constraints (a joint id, or -1 for none) and the grid step it starts at.
 *
 * @param tokens [window][position]
 * @param constraints [window][position]
 * @param startSteps [window]
 */
record Windows(int[][] tokens, int[][] constraints, int[] startSteps) {
    Windows {
        if (tokens.length == 0 || tokens.length != constraints.length || tokens.length != startSteps.length
                || tokens[0].length % ChoraleParts.COUNT != 0) {
            throw new IllegalArgumentException("a batch needs windows of whole steps, each with its constraints");
        }
    }

    int size() {
        return tokens.length;
    }

    /** Positions of each window: four per grid step. */
    int length() {
        return tokens[0].length;
    }

    /** The constraint LSTM's input rows, time-major (position * size + window), in order of position. */
    float[] constraintRows(AnticipationRnn model) {
        return rows(model, constraints, 0);
    }

    /** The token LSTM's own input rows: at each position, the token before it (start at the first). */
    float[] tokenRows(AnticipationRnn model) {
        return rows(model, tokens, 1);
    }

    private float[] rows(AnticipationRnn model, int[][] ids, int lag) {
        int width = model.placeWidth();
        float[] rows = new float[size() * length() * width];
        for (int t = 0; t < length(); t++) {
            for (int w = 0; w < size(); w++) {
                int id = t < lag ? -1 : ids[w][t - lag];
                model.place(id, t, startSteps[w], rows, (t * size() + w) * width);
            }
        }
        return rows;
    }
}
