package io.muse4j.midi.abc;

import java.util.List;

/**
 * A bar line as written, at its tick in the written (unexpanded) order of a tune, so that a tokenizer can emit bar
 * lines, repeat marks and endings.
 *
 * @param tick where it stands in {@link AbcTune#written()}
 * @param kind which bar line
 * @param endings the ending numbers that start right after it ({@code [1}, {@code :|2}, {@code [1,3}); empty if none
 */
public record AbcBarLine(long tick, Kind kind, List<Integer> endings) {
    /** The kinds of bar line, each with its usual spelling. */
    public enum Kind {
        BAR("|"), DOUBLE("||"), FINAL("|]"), START("[|"), REPEAT_START("|:"), REPEAT_END(":|"), REPEAT_BOTH("::");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        /** The bar line as ABC writes it. */
        public String symbol() {
            return symbol;
        }

        /** Whether a repeated section ends here. */
        public boolean endsRepeat() {
            return this == REPEAT_END || this == REPEAT_BOTH;
        }

        /** Whether playing after a repeat goes back to just after this bar line. */
        public boolean startsSection() {
            return this != BAR;
        }
    }

    public AbcBarLine {
        endings = List.copyOf(endings);
    }

    @Override
    public String toString() {
        return kind.symbol + (endings.isEmpty() ? "" : endings.toString()) + "@" + tick;
    }
}
