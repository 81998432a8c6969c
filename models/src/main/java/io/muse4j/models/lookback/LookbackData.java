package io.muse4j.models.lookback;

import io.muse4j.corpora.batch.TokenBatches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Melodies as training data for a {@link LookbackRnn}. Its inputs look back up to two bars, further than a training
 * window may reach, so windows are cut not from the inputs but from step references: piece {@code i} is the
 * sequence {@code first(i), first(i) + 1, ..., first(i) + L} of ids of its positions -1 (the silent step before it)
 * up to {@code L - 1}. {@link TokenBatches} windows and deals those sequences like any token sequences (windows of a
 * length that is a multiple of a bar start on bar lines), and {@link #batch} turns each window's references back
 * into the inputs and labels of those steps, computed from the whole piece.
 */
final class LookbackData {
    private final LookbackEncoding encoding;
    private final List<int[]> melodies = new ArrayList<>();
    private final List<int[]> labels = new ArrayList<>();
    private final int[] first;

    /** Data over melodies of the encoding's events; melodies shorter than two steps are left out. */
    LookbackData(LookbackEncoding encoding, List<int[]> melodies) {
        this.encoding = encoding;
        for (int[] melody : melodies) {
            if (melody.length > 1) {
                this.melodies.add(melody);
                this.labels.add(encoding.labels(melody));
            }
        }
        first = new int[this.melodies.size()];
        long total = 0;
        for (int i = 0; i < first.length; i++) {
            first[i] = Math.toIntExact(total);
            total += this.melodies.get(i).length + 1;
        }
    }

    /** The melodies kept. */
    int pieces() {
        return melodies.size();
    }

    /** The steps of the melodies kept: what the model predicts. */
    long steps() {
        return melodies.stream().mapToLong(m -> m.length).sum();
    }

    /** Each melody's step references, positions -1 .. L-1, as token sequences for {@link TokenBatches}. */
    List<int[]> references() {
        List<int[]> sequences = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            int from = first[i];
            int[] refs = new int[melodies.get(i).length + 1];
            Arrays.setAll(refs, k -> from + k);
            sequences.add(refs);
        }
        return sequences;
    }

    /** A batch of windows of step references as inputs (from each window's tokens) and labels (from its targets). */
    LookbackBatch batch(TokenBatches.Batch windows) {
        int rows = windows.tokens().length;
        int steps = windows.tokens()[0].length;
        float[][][] inputs = new float[rows][steps][encoding.inputSize()];
        int[][] targets = new int[rows][steps];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < steps; t++) {
                int piece = piece(windows.tokens()[b][t]);
                encoding.input(melodies.get(piece), windows.tokens()[b][t] - first[piece] - 1, inputs[b][t], 0);
                int target = windows.targets()[b][t];
                int targetPiece = piece(target);
                int position = target - first[targetPiece] - 1;
                // padding points at a piece's silent step, which has no label; its mask is 0
                targets[b][t] = position >= 0 ? labels.get(targetPiece)[position] : 0;
            }
        }
        return new LookbackBatch(inputs, targets, windows.mask());
    }

    private int piece(int reference) {
        int i = Arrays.binarySearch(first, reference);
        return i >= 0 ? i : -i - 2;
    }
}
