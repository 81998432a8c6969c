package io.muse4j.corpora;

import java.util.List;

/**
 * The usable pieces of a corpus, and the files that were skipped with their reasons.
 *
 * @param source what was loaded
 * @param items the pieces, in a stable order (path order for folders, file order for lists and splits)
 * @param skipped unreadable files, each with its reason
 */
public record Corpus(String source, List<CorpusItem> items, List<Skipped> skipped) {
    public Corpus {
        items = List.copyOf(items);
        skipped = List.copyOf(skipped);
    }

    /** A report of what was skipped: a count, then one line per file. Empty when nothing was. */
    public String skipReport() {
        if (skipped.isEmpty()) {
            return "";
        }
        StringBuilder report = new StringBuilder(source + ": skipped " + skipped.size() + " of "
                + (skipped.size() + items.size()) + " files\n");
        for (Skipped s : skipped) {
            report.append("  ").append(s).append('\n');
        }
        return report.toString();
    }
}
