package io.muse4j.midi.abc;

import io.muse4j.core.score.NoteSequence;

import java.util.List;

/**
 * One tune of an ABC file (one X: block): the music as played, with repeats expanded, and its written structure.
 *
 * @param number the X: reference number
 * @param title the first T: title, or "" when there is none
 * @param line the line of the file where the tune's X: stands, from 1
 * @param sequence the music as played (AABB), with the chord symbols as {@link NoteSequence#chords()}; the one to use
 *                 for training and conversion
 * @param written the music as written, each repeated section and each ending once, at written ticks
 * @param barLines the bar lines, repeat marks and endings at their ticks in {@code written}
 * @param playOrder the spans of {@code written} in the order they are played; {@code sequence} is their concatenation
 */
public record AbcTune(int number, String title, int line, NoteSequence sequence, NoteSequence written,
                      List<AbcBarLine> barLines, List<Span> playOrder) {
    /**
     * Written ticks {@code [from, to)} played one after the other.
     *
     * @param from first written tick, inclusive
     * @param to last written tick, exclusive
     */
    public record Span(long from, long to) {
        public Span {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("span [" + from + ", " + to + ") must have 0 <= from <= to");
            }
        }
    }

    public AbcTune {
        barLines = List.copyOf(barLines);
        playOrder = List.copyOf(playOrder);
    }
}
