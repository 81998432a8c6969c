package io.muse4j.core.stats;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The copy check finds runs planted in a generated piece, and agrees with a brute-force search. */
class CopyCheckTest {
    @Test
    void findsAPlantedRun() {
        List<NoteSequence> reference = List.of(SyntheticScores.melody(1, 80, 60, 72, 4),
                SyntheticScores.melody(2, 80, 60, 72, 4), SyntheticScores.melody(3, 80, 60, 72, 4));
        // 20 notes of reference piece 1 (from its 11th note), between notes no reference piece has
        List<Note> planted = new ArrayList<>();
        long tick = 0;
        for (int i = 0; i < 5; i++) {
            planted.add(Note.of(100, 80, tick, 120));
            tick += 120;
        }
        for (Note n : reference.get(1).notes().subList(10, 30)) {
            planted.add(Note.of(n.pitch(), 80, tick, n.durationTicks()));
            tick += n.durationTicks();
        }
        planted.add(Note.of(101, 80, tick, 120));
        CopyCheck check = CopyCheck.of(reference);
        assertEquals(new CopyCheck.Match(20, 1, 5, 10), check.longest(NoteSequence.of(480, planted)));
        assertEquals(new CopyCheck.Match(0, -1, -1, -1), check.longest(Tunes.even(120, 110, 111)));
        assertEquals(80, check.longest(reference.get(2)).length());
    }

    @Test
    void automatonAgreesWithBruteForce() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int[] text = random.ints(1 + random.nextInt(40), 0, 3).toArray();
            int[] other = random.ints(1 + random.nextInt(40), 0, 3).toArray();
            SuffixAutomaton automaton = new SuffixAutomaton();
            for (int symbol : text) {
                automaton.add(symbol);
            }
            SuffixAutomaton.Match m = automaton.longestShared(other);
            assertEquals(bruteForce(text, other), m.length(), "trial " + trial);
            for (int k = 0; k < m.length(); k++) {
                assertEquals(text[m.end() - k], other[m.textEnd() - k], "trial " + trial);
            }
        }
    }

    private static int bruteForce(int[] a, int[] b) {
        int best = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                int k = 0;
                while (i + k < a.length && j + k < b.length && a[i + k] == b[j + k]) {
                    k++;
                }
                best = Math.max(best, k);
            }
        }
        return best;
    }
}
