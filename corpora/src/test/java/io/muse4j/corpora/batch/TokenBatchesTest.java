package io.muse4j.corpora.batch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenBatchesTest {
    private static List<int[]> sequences() {
        List<int[]> seqs = new ArrayList<>();
        for (int s = 0; s < 7; s++) {
            int[] seq = new int[3 + 5 * s];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = 100 * s + i;
            }
            seqs.add(seq);
        }
        seqs.add(new int[] {9}); // too short to learn from
        return seqs;
    }

    @Test
    void everyTargetIsSeenOncePerEpochAfterItsInput() {
        TokenBatches batches = new TokenBatches(sequences(), 3, 4, 11);
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < batches.batchesPerEpoch(); i++) {
            TokenBatches.Batch b = batches.batch(i);
            for (int row = 0; row < 3; row++) {
                for (int t = 0; t < 4; t++) {
                    if (b.mask()[row][t] > 0) {
                        assertEquals(b.tokens()[row][t] + 1, b.targets()[row][t]);
                        seen.add(b.targets()[row][t]);
                    } else {
                        assertEquals(0, b.targets()[row][t]);
                    }
                }
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int[] seq : sequences()) {
            for (int i = 1; i < seq.length; i++) {
                expected.add(seq[i]);
            }
        }
        seen.sort(null);
        expected.sort(null);
        assertEquals(expected, seen);
    }

    @Test
    void batchesArePureFunctionsOfSeedAndIndex() {
        TokenBatches a = new TokenBatches(sequences(), 2, 5, 3);
        TokenBatches b = new TokenBatches(sequences(), 2, 5, 3);
        for (long i = 0; i < 30; i++) {
            assertArrayEquals(a.batch(i).tokens(), b.batch(i).tokens());
            assertArrayEquals(a.batch(i).mask(), b.batch(i).mask());
        }
        int perEpoch = a.batchesPerEpoch();
        boolean reordered = false;
        for (int i = 0; i < perEpoch; i++) {
            reordered |= !java.util.Arrays.deepEquals(a.batch(i).tokens(), a.batch(i + perEpoch).tokens());
        }
        assertTrue(reordered, "each epoch should visit windows in a new order");
    }

    @Test
    void nothingToLearnIsAnError() {
        assertEquals("no sequence has two tokens or more to learn from", assertThrows(IllegalArgumentException.class,
                () -> new TokenBatches(List.of(new int[] {1}, new int[0]), 2, 4, 1)).getMessage());
    }
}
