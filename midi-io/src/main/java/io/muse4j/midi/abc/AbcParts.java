package io.muse4j.midi.abc;

import java.util.ArrayList;
import java.util.List;

/**
 * Parts of a tune: the play order a header gives ({@code P:AABA} in ABC 2.1, {@code Y:AABA} in the cleaned
 * Nottingham files; {@code P:A2B} and {@code P:(AB)2C} repeat) and the places where the body's {@code P:A} labels
 * start each part.
 */
final class AbcParts {
    /** A part's label, the written tick where it starts and the index of its first bar line. */
    record Start(char label, long tick, int barIndex) {
    }

    private AbcParts() {
    }

    /** The labels of a play order in playing order; characters but letters, digits and parentheses are ignored. */
    static String order(String text) {
        int[] at = {0};
        String order = group(text.strip(), at);
        if (at[0] < text.strip().length()) {
            throw new AbcSyntaxError("part order '" + text.strip() + "' has a ')' without its '('");
        }
        return order;
    }

    private static String group(String text, int[] at) {
        StringBuilder out = new StringBuilder();
        String last = "";
        while (at[0] < text.length() && text.charAt(at[0]) != ')') {
            char c = text.charAt(at[0]++);
            if (c == '(') {
                last = group(text, at);
                if (at[0] >= text.length()) {
                    throw new AbcSyntaxError("part order '" + text + "' has a '(' without its ')'");
                }
                at[0]++;
                out.append(last);
            } else if (Character.isDigit(c) && !last.isEmpty()) {
                out.append(last.repeat(Math.min(Character.digit(c, 10), 9) - 1));
                last = "";
            } else if (Character.isLetter(c)) {
                last = String.valueOf(c);
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The play order as spans: the music before the first part once, then each part of the order with its own
     * repeats expanded; without an order or labels, the whole tune with its repeats.
     */
    static List<AbcTune.Span> playOrder(String order, List<Start> parts, List<AbcBarLine> barLines, long startTick,
                                        long endTick) {
        if (order == null || order.isEmpty() || parts.isEmpty()) {
            return AbcRepeats.playOrder(barLines, startTick, endTick);
        }
        List<AbcTune.Span> spans = new ArrayList<>();
        Start first = parts.get(0);
        if (first.tick() > startTick) {
            spans.addAll(AbcRepeats.playOrder(barLines.subList(0, first.barIndex()), startTick, first.tick()));
        }
        for (char label : order.toCharArray()) {
            int p = 0;
            while (p < parts.size() && parts.get(p).label() != label) {
                p++;
            }
            if (p == parts.size()) {
                throw new AbcSyntaxError("part order '" + order + "' plays part " + label + ", which no P: starts");
            }
            Start part = parts.get(p);
            boolean last = p + 1 == parts.size();
            long to = last ? endTick : parts.get(p + 1).tick();
            int toBar = last ? barLines.size() : parts.get(p + 1).barIndex();
            for (AbcTune.Span span : AbcRepeats.playOrder(barLines.subList(part.barIndex(), toBar),
                    Math.max(part.tick(), startTick), Math.max(to, startTick))) {
                AbcRepeats.add(spans, span.from(), span.to());
            }
        }
        return spans;
    }
}
