package io.muse4j.models.sampling;

import io.muse4j.core.token.Material;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {
    /** Probabilities 0.5, 0.25, 0.125, 0.125 for ids 2, 0, 3, 1. */
    private static final float[] LOGITS = {(float) Math.log(0.25), (float) Math.log(0.125), (float) Math.log(0.5),
            (float) Math.log(0.125)};

    private static int[] counts(Sampler sampler, int draws) {
        int[] counts = new int[LOGITS.length];
        for (int i = 0; i < draws; i++) {
            counts[sampler.sample(LOGITS)]++;
        }
        return counts;
    }

    @Test
    void temperatureOneFollowsTheModel() {
        int[] counts = counts(new Sampler(1.0, 0, 1.0, 1), 40_000);
        assertEquals(0.25, counts[0] / 40_000.0, 0.01);
        assertEquals(0.125, counts[1] / 40_000.0, 0.01);
        assertEquals(0.5, counts[2] / 40_000.0, 0.01);
    }

    @Test
    void zeroTemperatureIsGreedy() {
        assertArrayEquals(new int[] {0, 0, 100, 0}, counts(new Sampler(0, 0, 1.0, 1), 100));
    }

    @Test
    void topKAndTopPCutTheTail() {
        int[] topTwo = counts(new Sampler(1.0, 2, 1.0, 2), 30_000);
        assertEquals(0, topTwo[1] + topTwo[3]);
        assertEquals(2.0 / 3, topTwo[2] / 30_000.0, 0.015);
        int[] nucleus = counts(new Sampler(1.0, 0, 0.7, 3), 30_000); // 0.5 + 0.25 reach 0.7
        assertEquals(0, nucleus[1] + nucleus[3]);
        assertTrue(nucleus[0] > 0 && nucleus[2] > 0);
        int[] hot = counts(new Sampler(5.0, 0, 1.0, 4), 30_000);
        assertTrue(hot[1] > 30_000 * 0.2, "a high temperature flattens the distribution");
    }

    @Test
    void theSameSeedGivesTheSameTokens() {
        assertArrayEquals(counts(new Sampler(1.0, 3, 0.9, 42), 500), counts(new Sampler(1.0, 3, 0.9, 42), 500));
    }

    @Test
    void nearbySeedsDrawTheirFirstTokenIndependently() {
        // the pieces of one run are seeded 1, 2, 3...: each first draw must follow the model, not repeat one quantile
        int[] counts = new int[LOGITS.length];
        for (long seed = 1; seed <= 4_000; seed++) {
            counts[new Sampler(1.0, 0, 1.0, seed).sample(LOGITS)]++;
        }
        assertEquals(0.5, counts[2] / 4_000.0, 0.03);
        assertEquals(0.25, counts[0] / 4_000.0, 0.03);
        assertEquals(0.125, counts[1] / 4_000.0, 0.03);
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("temperature -1.0 must be a finite number, at least 0",
                assertThrows(IllegalArgumentException.class, () -> new Sampler(-1, 0, 1, 1)).getMessage());
        assertEquals("top-p 1.5 outside (0, 1]",
                assertThrows(IllegalArgumentException.class, () -> new Sampler(1, 0, 1.5, 1)).getMessage());
        assertEquals("top-k -2 must be at least 0",
                assertThrows(IllegalArgumentException.class, () -> new Sampler(1, -2, 1, 1)).getMessage());
    }

    @Test
    void newMaterialIsDrawnAtItsOwnTemperaturesWithoutTheCuts() {
        int[] length = {1};
        int[] note = {2};
        int[] other = {3};
        Function<int[], Material> where = context -> context[0] == 1 ? Material.NEW_LENGTH
                : context[0] == 2 ? Material.NEW : Material.OTHER;
        Sampler sampler = new Sampler(0.5, 1, 0.5, 9, new NewMaterial(0.0, 1.0, where));
        int[] counts = new int[LOGITS.length];
        for (int i = 0; i < 40_000; i++) {
            counts[sampler.sample(length, LOGITS)]++;
            assertEquals(2, sampler.sample(note, LOGITS), "new notes at temperature 0: the likeliest");
            assertEquals(2, sampler.sample(other, LOGITS), "everything else keeps the cuts (top-1 here)");
        }
        assertEquals(0.125, counts[1] / 40_000.0, 0.01, "the model's own distribution, tail included");
        assertEquals(0.5, counts[2] / 40_000.0, 0.01);
    }

    @Test
    void aRuledOutTokenIsNeverDrawnCutOrUncut() {
        float[] logits = {0, Float.NEGATIVE_INFINITY, 0, Float.NEGATIVE_INFINITY};
        Sampler uncut = new Sampler(1.0, 0, 1.0, 5, new NewMaterial(1.0, 1.0, context -> Material.NEW));
        Sampler cut = new Sampler(1.0, 0, 1.0, 5);
        for (int i = 0; i < 20_000; i++) {
            int a = uncut.sample(new int[] {i}, logits);
            int b = cut.sample(logits);
            assertTrue(a == 0 || a == 2, "uncut drew " + a);
            assertTrue(b == 0 || b == 2, "cut drew " + b);
        }
    }

    @Test
    void withoutNewMaterialAContextChangesNothing() {
        Sampler plain = new Sampler(0.9, 0, 0.9, 11);
        Sampler told = new Sampler(0.9, 0, 0.9, 11, new NewMaterial(1.5, 1.5, context -> Material.OTHER));
        Sampler asTheRest = new Sampler(0.9, 0, 0.9, 11, new NewMaterial(null, null, context -> Material.NEW));
        for (int i = 0; i < 200; i++) {
            int token = plain.sample(LOGITS);
            assertEquals(token, told.sample(new int[] {i}, LOGITS));
            assertEquals(token, asTheRest.sample(new int[] {i}, LOGITS), "a null temperature draws as the rest");
        }
        assertThrows(IllegalArgumentException.class, () -> new NewMaterial(-1.0, 1.0, context -> Material.NEW));
        assertThrows(IllegalArgumentException.class, () -> new NewMaterial(1.0, Double.NaN, context -> Material.NEW));
    }
}
