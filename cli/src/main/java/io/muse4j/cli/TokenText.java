package io.muse4j.cli;

import io.muse4j.core.token.Vocabulary;

/** Token lines as users write them: whitespace-separated ids or token names. */
final class TokenText {
    private TokenText() {
    }

    /** The ids of one line; {@code where} names the line in errors. */
    static int[] parse(String line, Vocabulary vocabulary, String where) {
        String[] words = line.trim().split("\\s+");
        int[] ids = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            try {
                ids[i] = word.chars().allMatch(Character::isDigit) ? Integer.parseInt(word) : vocabulary.id(word);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": token '" + word + "' is not a number", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return ids;
    }
}
