package io.muse4j.core.stats;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.transform.Voices;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A set of pieces with a name for each, such as its file, for reports to point at.
 *
 * @param names one name a piece
 * @param scores the pieces
 */
public record PieceSet(List<String> names, List<NoteSequence> scores) {
    public PieceSet {
        names = List.copyOf(names);
        scores = List.copyOf(scores);
        if (names.size() != scores.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + scores.size() + " pieces");
        }
    }

    /** Pieces named by their index, "#0", "#1" ... */
    public static PieceSet of(List<NoteSequence> scores) {
        return new PieceSet(IntStream.range(0, scores.size()).mapToObj(i -> "#" + i).toList(), scores);
    }

    /**
     * The same pieces, each reduced to its highest voice ({@link Voices#melody}, the line the melody encodings
     * learn), named as before: melodies compare with melodies, without accompaniment such as a chord track.
     */
    public PieceSet melodies() {
        return new PieceSet(names, scores.stream().map(Voices::melody).toList());
    }

    /** How many pieces there are. */
    public int size() {
        return scores.size();
    }
}
