package io.muse4j.core.stats;

import io.muse4j.core.score.NoteSequence;

import java.util.Arrays;
import java.util.List;

/**
 * Finds what a generated piece copies from a reference set: the longest run of successive melody notes, each a
 * (pitch, duration) pair, that it shares with any one reference piece. Built once for the reference set (a suffix
 * automaton, linear in its notes), each check then takes time linear in the generated piece.
 */
public final class CopyCheck {
    private final SuffixAutomaton automaton = new SuffixAutomaton();
    /** Where each reference piece starts in the automaton's text, whose pieces are parted by separators. */
    private final int[] starts;

    /**
     * The longest shared run of one generated piece.
     *
     * @param length how many notes it holds; 0 where the piece shares no note with the reference set
     * @param reference the index of a reference piece that holds it, or -1 where the length is 0
     * @param start where it starts in the generated piece's melody, counting notes from 0, or -1
     * @param referenceStart where it starts in that reference piece's melody, or -1
     */
    public record Match(int length, int reference, int start, int referenceStart) {
    }

    private CopyCheck(List<NoteSequence> reference) {
        starts = new int[reference.size()];
        int at = 0;
        for (int piece = 0; piece < reference.size(); piece++) {
            starts[piece] = at;
            for (int event : MelodyEvents.of(reference.get(piece))) {
                automaton.add(event);
                at++;
            }
            // a separator of its own ends each piece, so no run can cross from one piece into the next
            automaton.add(-1 - piece);
            at++;
        }
    }

    /** The check against a reference set. */
    public static CopyCheck of(List<NoteSequence> reference) {
        return new CopyCheck(reference);
    }

    /** The longest run of notes that {@code generated} shares with one reference piece (the first found). */
    public Match longest(NoteSequence generated) {
        SuffixAutomaton.Match m = automaton.longestShared(MelodyEvents.of(generated));
        if (m.length() == 0) {
            return new Match(0, -1, -1, -1);
        }
        int found = Arrays.binarySearch(starts, m.end());
        int piece = found >= 0 ? found : -found - 2;
        return new Match(m.length(), piece, m.textEnd() - m.length() + 1, m.end() - m.length() + 1 - starts[piece]);
    }

    /** The longest shared run of each generated piece, in order. */
    public List<Match> longest(List<NoteSequence> generated) {
        return generated.stream().map(this::longest).toList();
    }
}
