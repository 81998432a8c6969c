package io.muse4j.midi.live;

import io.muse4j.core.score.NoteSequence;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole run headless: a file plays two calls on virtual time, a responder answers, nothing is heard. */
class LiveRunTest {
    /** Two phrases of four quarter notes at 120 bpm, a second apart. */
    private static NoteSequence twoPhrases() {
        var score = NoteSequence.builder(480).tempoBpm(0, 120);
        int[] pitches = {60, 62, 64, 65, 67, 65, 64, 62};
        for (int i = 0; i < pitches.length; i++) {
            score.note(pitches[i], 80, 480L * i + (i >= 4 ? 1440 : 0), 400);
        }
        return score.build();
    }

    @Test
    void aFileIsAnsweredCallByCallAndTheRunReportsItsLatencies() throws Exception {
        Responder echo = (call, seconds, turn) -> call;
        StringWriter err = new StringWriter();
        try (LiveOutput none = LiveOutput.open(LiveOutput.NONE)) {
            LiveRun.of(LiveSettings.defaults(), echo, none, true, null, new PrintWriter(err, true))
                    .run(null, twoPhrases());
        }
        assertTrue(err.toString().contains("call 1, 4 notes: answered with 4 notes"), err.toString());
        assertTrue(err.toString().contains("call 2, 4 notes: answered with 4 notes"), err.toString());
        assertTrue(err.toString().contains("2 answers; first note after the call ended"), err.toString());
    }

    @Test
    void warmingUpAsksTheResponderAFewTimes() throws Exception {
        List<Integer> turns = new ArrayList<>();
        LiveRun.warmUp((call, seconds, turn) -> {
            turns.add(turn);
            return call;
        }, new PrintWriter(new StringWriter()));
        assertEquals(List.of(0, 1, 2, 3, 4), turns);
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = {1, 2, 3, 4};
        assertEquals(2, LiveRun.percentile(sorted, 0.5));
        assertEquals(4, LiveRun.percentile(sorted, 1.0));
        assertEquals(1, LiveRun.percentile(sorted, 0.0));
    }
}
