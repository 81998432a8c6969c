package io.muse4j.core.token;

/**
 * Where an {@link AbcTokenizer} tune restates an earlier bar as it is drawn. A bar restated note for note (a
 * repeated phrase, the second part's return to the first) is spelt in the same events and durations as the bar it
 * restates, so while a bar opens as an earlier bar does, it may be a restatement in progress; once it differs from
 * every earlier bar, it is new material.
 */
final class AbcRestatements {
    private AbcRestatements() {
    }

    /**
     * Whether the tokens end with an event (a note, rest or continuation) whose duration comes next, in a bar that
     * so far, that event included, opens no earlier bar of the tune.
     */
    static boolean newRhythm(int[] tokens, AbcTokenizer vocabulary) {
        int last = tokens.length - 1;
        if (last < 0 || !isEvent(tokens[last], vocabulary)) {
            return false;
        }
        int start = last;
        while (start > 0 && !vocabulary.isBarBoundary(tokens[start - 1])) {
            start--;
        }
        int length = tokens.length - start;
        for (int bar = 0; bar + length < start; bar++) {
            boolean opensBar = bar == 0 || vocabulary.isBarBoundary(tokens[bar - 1]);
            if (opensBar && !vocabulary.isBarBoundary(tokens[bar]) && opensAlike(tokens, bar, start, length)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEvent(int token, AbcTokenizer vocabulary) {
        return token == AbcTokenizer.REST || token == AbcTokenizer.CONTINUE || vocabulary.pitchOf(token) >= 0;
    }

    private static boolean opensAlike(int[] tokens, int earlier, int current, int length) {
        for (int i = 0; i < length; i++) {
            if (tokens[earlier + i] != tokens[current + i]) {
                return false;
            }
        }
        return true;
    }
}
