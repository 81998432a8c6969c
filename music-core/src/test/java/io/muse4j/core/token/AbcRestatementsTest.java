package io.muse4j.core.token;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbcRestatementsTest {
    private static final String OPENING = "<s> M:4/4 K:Dmaj Q:180 |: #1 P:62 D:6 P:64 D:6 P:66 D:12 | #2 ";
    private final AbcTokenizer abc = new AbcTokenizer();
    private final Predicate<int[]> newRhythm = abc.newRhythm();

    private int[] tokens(String text) {
        return Arrays.stream(text.trim().split(" +")).mapToInt(abc.vocabulary()::id).toArray();
    }

    @Test
    void aNoteInABarThatOpensAsAnEarlierBarDoesIsNoNewRhythm() {
        assertFalse(newRhythm.test(tokens(OPENING + "P:62")), "the bar may restate bar 1");
        assertFalse(newRhythm.test(tokens(OPENING + "P:62 D:6 P:64")), "it still may");
        assertTrue(newRhythm.test(tokens(OPENING + "P:62 D:6 P:67")), "it no longer can");
        assertTrue(newRhythm.test(tokens(OPENING + "P:62 D:12 P:64")), "nor when a length differed");
        assertTrue(newRhythm.test(tokens(OPENING + "P:69")), "a bar opening on a new note is new");
        assertTrue(newRhythm.test(tokens(OPENING + "z")), "so is one opening on a rest");
    }

    @Test
    void onlyTheLengthAfterAnEventIsRhythm() {
        assertFalse(newRhythm.test(tokens(OPENING + "P:69 D:6")), "a note or bar line comes next");
        assertFalse(newRhythm.test(tokens(OPENING)), "a bar's first event comes next");
        assertFalse(newRhythm.test(tokens("<s> M:4/4 K:Dmaj")), "the tune's frame comes next");
        assertTrue(newRhythm.test(tokens("<s> M:4/4 K:Dmaj Q:180 #1 P:62")), "the first bar is new");
    }

    @Test
    void anyEarlierBarCountsAndTheBarSoFarMustBeShorterThanIt() {
        String three = OPENING + "P:69 D:24 | #3 ";
        assertFalse(newRhythm.test(tokens(three + "P:62")), "bar 1");
        assertFalse(newRhythm.test(tokens(three + "P:69")), "bar 2");
        assertTrue(newRhythm.test(tokens(three + "P:69 D:24 P:71")), "longer than bar 2 and unlike bar 1");
        assertTrue(newRhythm.test(tokens("<s> M:4/4 K:Dmaj Q:180 #1 P:62 D:6 P:64 D:6 P:66 D:12 :| #2 P:62 D:6 "
                + "P:64 D:6 P:66 D:12 P:66")), "bar 1 has no fourth note to restate");
    }

    @Test
    void encodingsWithoutBarsCannotTell() {
        assertNull(new MelodyTokenizer().newRhythm());
    }
}
