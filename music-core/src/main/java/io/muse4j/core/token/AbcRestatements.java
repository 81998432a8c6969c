package io.muse4j.core.token;

/**
 * Where an {@link AbcTokenizer} tune restates an earlier bar as it is drawn. A bar restated note for note (a
 * repeated phrase, the second part's return to the first) is spelt in the same events and durations as the bar it
 * restates, so while a bar opens as an earlier bar does, it may be a restatement in progress; once it differs from
 * every earlier bar, it is new material. A tune's first bar is new material throughout.
 */
final class AbcRestatements {
    private AbcRestatements() {
    }

    /**
     * What the token after {@code tokens} continues: the tune's frame until its tempo, then its bars. After an
     * event (a note, rest or continuation) comes its length; after a length or a bar's opener comes another event
     * or the bar's close. Either is new material when the bar so far, that event included, opens no earlier bar.
     */
    static Material material(int[] tokens, AbcTokenizer vocabulary) {
        int tempo = tempoAt(tokens, vocabulary);
        if (tempo < 0) {
            return Material.OTHER;
        }
        int start = tokens.length;
        while (start > 0 && !vocabulary.isBarBoundary(tokens[start - 1])) {
            start--;
        }
        if (restatable(tokens, tempo + 1, start, vocabulary)) {
            return Material.OTHER;
        }
        return isEvent(tokens[tokens.length - 1], vocabulary) ? Material.NEW_LENGTH : Material.NEW;
    }

    /** Where the tune's frame ends: the index of its tempo token, or -1 while the frame is still being written. */
    private static int tempoAt(int[] tokens, AbcTokenizer vocabulary) {
        for (int i = 0; i < tokens.length; i++) {
            if (vocabulary.tempoOf(tokens[i]) > 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a bar between {@code first} and {@code start} opens with the current bar so far,
     * {@code tokens[start..]}, and goes on past it.
     */
    private static boolean restatable(int[] tokens, int first, int start, AbcTokenizer vocabulary) {
        int length = tokens.length - start;
        for (int bar = first; bar + length < start; bar++) {
            boolean opensBar = vocabulary.isBarBoundary(tokens[bar - 1]);
            if (opensBar && !vocabulary.isBarBoundary(tokens[bar]) && opensAlike(tokens, bar, start, length)) {
                return true;
            }
        }
        return false;
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
