package io.muse4j.core.score;

import io.muse4j.core.harmony.ChordSymbol;

import java.util.Comparator;
import java.util.Optional;

/**
 * A chord symbol written above the music (a lead sheet's "G", "Am7", "D/F#"), holding from {@code tick} until the
 * next one. The text is kept as written, so readers and writers of text formats round-trip it exactly.
 *
 * @param tick where the chord starts, at least 0
 * @param symbol the symbol as written, not blank
 */
public record ChordChange(long tick, String symbol) {
    /** The canonical order: by tick, then by text. */
    public static final Comparator<ChordChange> ORDER =
            Comparator.comparingLong(ChordChange::tick).thenComparing(ChordChange::symbol);

    public ChordChange {
        Check.atLeast("chord tick", tick, 0);
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("chord symbol at tick " + tick + " must not be blank");
        }
    }

    /** The chord as a {@link ChordSymbol}, ignoring any bass after '/', or empty when its quality is not known. */
    public Optional<ChordSymbol> chord() {
        int slash = symbol.indexOf('/');
        try {
            return Optional.of(ChordSymbol.parse(slash > 0 ? symbol.substring(0, slash) : symbol));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** This chord moved to another tick. */
    public ChordChange atTick(long newTick) {
        return new ChordChange(newTick, symbol);
    }

    @Override
    public String toString() {
        return symbol + "@" + tick;
    }
}
