package io.muse4j.core.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The repeat structure of a tune as written, found in its bars as played, and played again from the written form.
 *
 * <p>A written tune is a list of bars, each with an optional opener ({@code |:} starts a repeated section, {@code |1}
 * a first ending, {@code |2} a second ending) and a closer ({@code |} or {@code :|}). Played, a {@code :|} goes back
 * once to the last {@code |:} (the start of the tune, or just after the last {@code :|}, when there is none) and plays
 * the section again up to its first ending, then goes on after the {@code :|}; so {@code |: A |1 B :| |2 C} plays
 * A B A C.
 *
 * <p>{@link #written} finds that form in played bars, greedily from the first bar: at each bar it takes the longest
 * section (at least two bars) that is played again at once, allowing a first ending of up to two bars, and writes
 * the bars after it as the second ending. Expanding what it writes gives the played bars back exactly.
 */
final class BarForm {
    /** A bar's opener: none, or the start of a repeated section, of a first ending or of a second ending. */
    enum Opener { NONE, REPEAT, FIRST_ENDING, SECOND_ENDING }

    /**
     * One written bar.
     *
     * @param opener what stands before it
     * @param played the index of the played bar whose music it holds (for {@link #written}) or of the bar's music
     *               in whatever list the caller keeps (for {@link #played})
     * @param repeatEnd whether a {@code :|} closes it
     */
    record Bar(Opener opener, int played, boolean repeatEnd) {
    }

    /** The longest first ending looked for, in bars. */
    private static final int MAX_ENDING = 2;
    /** The shortest repeated section looked for, in bars. */
    private static final int MIN_SECTION = 2;
    /** The longest repeated section looked for, in bars: a part of a long tune, with room to spare. */
    private static final int MAX_SECTION = 32;

    private BarForm() {
    }

    /** The written form of the played bars (compared by content). */
    static List<Bar> written(List<int[]> bars) {
        List<Bar> out = new ArrayList<>();
        int i = 0;
        while (i < bars.size()) {
            int[] repeat = longestRepeat(bars, i);
            if (repeat == null) {
                out.add(new Bar(Opener.NONE, i, false));
                i++;
                continue;
            }
            int section = repeat[0];
            int ending = repeat[1];
            for (int b = 0; b < section + ending; b++) {
                Opener opener = b == 0 ? Opener.REPEAT : b == section ? Opener.FIRST_ENDING : Opener.NONE;
                out.add(new Bar(opener, i + b, b == section + ending - 1));
            }
            int next = i + 2 * section + ending;
            for (int b = 0; b < ending && next + b < bars.size(); b++) {
                out.add(new Bar(b == 0 ? Opener.SECOND_ENDING : Opener.NONE, next + b, false));
            }
            i = next + Math.min(ending, bars.size() - next);
        }
        return out;
    }

    /**
     * The longest section starting at {@code from} that is played again right after it or after a first ending,
     * as {section bars, ending bars}; the shorter ending wins a tie. Null when there is none.
     */
    private static int[] longestRepeat(List<int[]> bars, int from) {
        int longest = Math.min(MAX_SECTION, (bars.size() - from) / 2);
        for (int section = longest; section >= MIN_SECTION; section--) {
            for (int ending = 0; ending <= MAX_ENDING && ending < section; ending++) {
                if (from + 2 * section + ending <= bars.size() && same(bars, from, from + section + ending, section)) {
                    return new int[] {section, ending};
                }
            }
        }
        return null;
    }

    private static boolean same(List<int[]> bars, int a, int b, int count) {
        for (int k = 0; k < count; k++) {
            if (!Arrays.equals(bars.get(a + k), bars.get(b + k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where each written bar is first played, counting played bars from 1 at the first whole bar: 0 for a pickup
     * (when {@code pickup}, the first bar). A second ending counts where it is played, after the repeat.
     */
    static int[] numbers(List<Bar> written, boolean pickup) {
        int[] numbers = new int[written.size()];
        Arrays.fill(numbers, -1);
        int position = pickup ? 0 : 1;
        for (int index : played(written)) {
            if (numbers[index] < 0) {
                numbers[index] = position;
            }
            position++;
        }
        return numbers;
    }

    /**
     * The written bars in played order, as indices into {@code written}. Each {@code :|} repeats once; one that
     * closes nothing new (right after another) is ignored, so the played bars are at most twice the written ones.
     */
    static List<Integer> played(List<Bar> written) {
        List<Integer> order = new ArrayList<>();
        int sectionStart = 0;
        int firstEnding = -1;
        for (int i = 0; i < written.size(); i++) {
            Bar bar = written.get(i);
            if (bar.opener() == Opener.REPEAT) {
                sectionStart = i;
                firstEnding = -1;
            } else if (bar.opener() == Opener.FIRST_ENDING && firstEnding < 0) {
                firstEnding = i;
            }
            order.add(i);
            if (bar.repeatEnd()) {
                int end = firstEnding > sectionStart ? firstEnding : i + 1;
                for (int b = sectionStart; b < end; b++) {
                    order.add(b);
                }
                sectionStart = i + 1;
                firstEnding = -1;
            }
        }
        return order;
    }
}
