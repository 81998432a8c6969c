package io.muse4j.corpora.batch;

import io.muse4j.core.token.LeadSheetBars.Bar;

import java.util.ArrayList;
import java.util.List;

/**
 * The real phrases of one MidiNet training step: one set per update a player takes at the step (as in
 * {@link GanBatch}). A phrase is consecutive bars, the first of them only the previous bar of the second (a
 * piece's first bar follows {@link Bar#empty()}); training phrases are two bars, validation ones longer.
 *
 * @param rounds the sets of phrases
 */
public record BarBatch(List<List<List<Bar>>> rounds) {
    public BarBatch {
        if (rounds.isEmpty() || rounds.get(0).isEmpty()) {
            throw new IllegalArgumentException("a MidiNet batch needs phrases");
        }
        rounds = List.copyOf(rounds);
    }

    /** The phrases of update {@code repeat} (they cycle when there are more updates than sets). */
    List<List<Bar>> phrases(int repeat) {
        return rounds.get(repeat % rounds.size());
    }

    /** The (previous, current) bar pairs of update {@code repeat}'s phrases, previous at 0 and current at 1. */
    public List<List<Bar>> pairs(int repeat) {
        List<List<Bar>> pairs = new ArrayList<>();
        for (List<Bar> phrase : phrases(repeat)) {
            for (int i = 1; i < phrase.size(); i++) {
                pairs.add(List.of(phrase.get(i - 1), phrase.get(i)));
            }
        }
        return pairs;
    }
}
