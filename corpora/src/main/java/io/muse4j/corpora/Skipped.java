package io.muse4j.corpora;

/**
 * A file of a corpus that could not be used.
 *
 * @param file the file
 * @param reason why, as one line
 */
public record Skipped(String file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
