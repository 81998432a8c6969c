package io.muse4j.corpora;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A seeded train/validation split for corpora that come without one. Items are ordered by name before the
 * seeded shuffle, so the split depends only on the names and the seed, not on the order files were listed in.
 *
 * @param train the training items
 * @param valid the validation items
 */
public record Splits(List<CorpusItem> train, List<CorpusItem> valid) {
    public Splits {
        train = List.copyOf(train);
        valid = List.copyOf(valid);
    }

    /** Holds out {@code validFraction} of the items (at least one when there are two or more) for validation. */
    public static Splits seeded(List<CorpusItem> items, double validFraction, long seed) {
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw new IllegalArgumentException("validation fraction " + validFraction + " outside [0, 1)");
        }
        List<CorpusItem> shuffled = new ArrayList<>(items);
        shuffled.sort(Comparator.comparing(CorpusItem::name));
        java.util.Collections.shuffle(shuffled, new Random(seed));
        int valid = (int) Math.round(items.size() * validFraction);
        if (validFraction > 0 && items.size() >= 2) {
            valid = Math.max(1, Math.min(valid, items.size() - 1));
        }
        return new Splits(shuffled.subList(valid, shuffled.size()), shuffled.subList(0, valid));
    }
}
