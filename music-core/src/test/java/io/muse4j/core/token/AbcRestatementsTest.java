package io.muse4j.core.token;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AbcRestatementsTest {
    private static final String OPENING = "<s> M:4/4 K:Dmaj Q:180 |: #1 P:62 D:6 P:64 D:6 P:66 D:12 | #2 ";
    private final AbcTokenizer abc = new AbcTokenizer();
    private final Function<int[], Material> material = abc.material();

    private Material after(String text) {
        return material.apply(Arrays.stream(text.trim().split(" +")).mapToInt(abc.vocabulary()::id).toArray());
    }

    @Test
    void aBarThatOpensAsAnEarlierBarDoesIsNoNewMaterial() {
        assertEquals(Material.OTHER, after(OPENING), "the bar's first event: it may restate bar 1");
        assertEquals(Material.OTHER, after(OPENING + "P:62"), "its length: it may still");
        assertEquals(Material.OTHER, after(OPENING + "P:62 D:6"), "the next event: it may still");
        assertEquals(Material.NEW_LENGTH, after(OPENING + "P:62 D:6 P:67"), "it no longer can");
        assertEquals(Material.NEW, after(OPENING + "P:62 D:12"), "nor when a length differed");
        assertEquals(Material.NEW_LENGTH, after(OPENING + "P:69"), "a bar opening on a new note is new");
        assertEquals(Material.NEW_LENGTH, after(OPENING + "z"), "so is one opening on a rest");
        assertEquals(Material.NEW, after(OPENING + "P:69 D:6"), "and what follows in it, its bar line included");
    }

    @Test
    void theFrameIsNoNewMaterialAndTheFirstBarIsNewThroughout() {
        assertEquals(Material.OTHER, after("<s>"));
        assertEquals(Material.OTHER, after("<s> M:4/4 K:Dmaj"));
        assertEquals(Material.NEW, after("<s> M:4/4 K:Dmaj Q:180"), "the first bar's opener");
        assertEquals(Material.NEW, after("<s> M:4/4 K:Dmaj Q:180 |: #1"));
        assertEquals(Material.NEW_LENGTH, after("<s> M:4/4 K:Dmaj Q:180 |: #1 P:62"));
    }

    @Test
    void anyEarlierBarCountsAndTheBarSoFarMustBeShorterThanIt() {
        String three = OPENING + "P:69 D:24 | #3 ";
        assertEquals(Material.OTHER, after(three + "P:62"), "bar 1");
        assertEquals(Material.OTHER, after(three + "P:69"), "bar 2");
        assertEquals(Material.NEW_LENGTH, after(three + "P:69 D:24 P:71"), "longer than bar 2 and unlike bar 1");
        assertEquals(Material.NEW_LENGTH, after("<s> M:4/4 K:Dmaj Q:180 #1 P:62 D:6 P:64 D:6 P:66 D:12 :| #2 "
                + "P:62 D:6 P:64 D:6 P:66 D:12 P:66"), "bar 1 has no fourth note to restate");
    }

    @Test
    void encodingsWithoutBarsCannotTell() {
        assertNull(new MelodyTokenizer().material());
    }
}
