package io.muse4j.midi.abc;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every tune of the folk corpora's ABC files: each X: line gives a tune, except a documented list of malformed
 * ones; every tune read round-trips through the writer to an equal sequence, except two that mix note lengths
 * inside a chord.
 */
class AbcCorpusTest {
    /** Malformed tunes: file (relative to the corpora), X: number, and why the reader refuses it. */
    private static final Map<String, Map<Integer, String>> KNOWN_BAD = Map.of(
            "folk-abc/CRE_clean.abc", Map.of(
                    143, "the next tune's X:197 is glued to the end of a music line ('d4|]X:197')",
                    228, "a line holding only '='",
                    103, "a typo 'sF' in the music ('|:sF|ABc')",
                    221, "X:043 glued to the end of a music line",
                    140, "a chord symbol between a note and its length ('B\"13\"2A')",
                    191, "X:057 glued to the end of a music line",
                    50, "the text '[?]' in a music line",
                    227, "a stray '*' in a music line"),
            "nottingham/ABC_cleaned/jigs.abc", Map.of(153, "a chord '[e2c2' not closed before the bar line"),
            "nottingham/ABC_cleaned/reelsd-g.abc", Map.of(1, "'[+GB]' mixes two chord notations"),
            "nottingham/ABC_original/jigs.abc", Map.of(111, "two voices (V:1 and V:2 descant)"),
            "nottingham/ABC_original/reelsd-g.abc", Map.of(41, "'[+GB]' mixes two chord notations"));

    /** Tunes whose chords mix note lengths ([C3E2]), which the one-voice writer cannot keep. */
    private static final Map<String, List<Integer>> KNOWN_LOSSY = Map.of(
            "nottingham/ABC_original/ashover.abc", List.of(43),
            "nottingham/ABC_original/reelsd-g.abc", List.of(9));

    private static List<Path> abcFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(SharedCorpora.resolve("folk-abc/CRE_clean.abc")));
        for (String folder : List.of("nottingham/ABC_cleaned", "nottingham/ABC_original")) {
            try (Stream<Path> listed = Files.list(SharedCorpora.resolve(folder))) {
                listed.filter(p -> p.toString().endsWith(".abc")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static String relative(Path file) {
        return SharedCorpora.root().relativize(file).toString().replace('\\', '/');
    }

    private static long xLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream().filter(l -> l.startsWith("X:")).count();
    }

    @Test
    void everyTuneIsReadButTheKnownBadOnes() throws Exception {
        Map<String, Integer> read = new TreeMap<>();
        for (Path file : abcFiles()) {
            AbcBook book = AbcReader.readSkippingBad(file);
            Map<Integer, String> bad = KNOWN_BAD.getOrDefault(relative(file), Map.of());
            assertEquals(new TreeMap<>(bad).keySet(), new java.util.TreeSet<>(book.failures().stream()
                    .map(AbcException::tune).toList()), relative(file) + ": " + book.failures());
            assertEquals(xLines(file) - bad.size(), book.tunes().size(), relative(file));
            read.merge(relative(file).startsWith("folk") ? "cre" : relative(file).split("/")[1], book.tunes().size(),
                    Integer::sum);
        }
        assertEquals(Map.of("cre", 1216, "ABC_cleaned", 1032, "ABC_original", 1035), read);
    }

    @Test
    void theTunesHoldTheCorporasNotesAndChords() throws Exception {
        long notes = 0;
        long chords = 0;
        for (Path file : abcFiles()) {
            for (AbcTune tune : AbcReader.readSkippingBad(file).tunes()) {
                assertTrue(!tune.sequence().notes().isEmpty(), tune.title());
                notes += tune.sequence().notes().size();
                chords += tune.sequence().chords().size();
            }
        }
        assertTrue(notes > 550_000, "expected over 550,000 played notes, read " + notes);
        assertTrue(chords > 80_000, "expected over 80,000 chord symbols, read " + chords);
    }

    @Test
    void everyTuneRoundTripsThroughTheWriterToAnEqualSequence() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : abcFiles()) {
            List<Integer> lossy = KNOWN_LOSSY.getOrDefault(relative(file), List.of());
            for (AbcTune tune : AbcReader.readSkippingBad(file).tunes()) {
                NoteSequence first = tune.sequence();
                NoteSequence again = AbcTestTunes.read(AbcWriter.write(first)).sequence();
                if (again.equals(first) == lossy.contains(tune.number())) {
                    failures.add(relative(file) + " X:" + tune.number());
                }
                checked++;
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(1216 + 1032 + 1035, checked);
    }
}
