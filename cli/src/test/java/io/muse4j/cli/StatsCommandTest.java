package io.muse4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.stats.PieceStatistics;
import io.muse4j.core.testing.SharedCorpora;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsCommandTest {
    @TempDir
    Path dir;

    /** A folder of seeded melodies. */
    private Path melodies(String folder, int from, int count) throws Exception {
        Path path = Files.createDirectories(dir.resolve(folder));
        for (int seed = from; seed < from + count; seed++) {
            Muse4jTest.write(path, "m" + seed + ".mid", SyntheticScores.melody(seed, 40, 55, 79, 4));
        }
        return path;
    }

    @Test
    void printsEveryStatisticTheTestTheCopiesAndTheKeys() throws Exception {
        Path generated = melodies("gen", 0, 6);
        Path reference = melodies("ref", 3, 8);
        CliRun run = CliRun.of("stats", generated.toString(), "--reference", reference.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("generated: 6 pieces; reference: 8 pieces\n"), run.out());
        PieceStatistics.names().forEach(name -> assertTrue(run.out().contains("\n" + name + " "), name));
        assertTrue(run.out().contains("classifier two-sample test: accuracy "), run.out());
        // m3, m4 and m5 are in both sets
        assertTrue(run.out().contains("copy check: longest shared run 40 notes, " + generated.resolve("m3.mid")),
                run.out());
        assertTrue(run.out().contains("keys, reference: "), run.out());
    }

    @Test
    void jsonIsOneValidObjectAndThePlotAPicture() throws Exception {
        Path list = dir.resolve("generated.txt");
        melodies("gen", 0, 3);
        Files.writeString(list, "# generated\ngen/m0.mid\n\ngen/m1.mid\n");
        Path png = dir.resolve("stats.png");
        CliRun run = CliRun.of("stats", list.toString(), dir.resolve("gen/m2.mid").toString(), "--reference",
                melodies("ref", 10, 4).toString(), "--json", "--plot", png.toString());
        assertEquals(0, run.code(), run.err());
        assertFalse(run.out().contains("NaN"), run.out());
        assertEquals(List.of("generated", "reference", "statistics", "meanKs", "classifier", "copies"),
                topLevelKeys(run.out()));
        assertTrue(run.out().contains("\"generated\":{\"pieces\":3,"), run.out());
        BufferedImage picture = ImageIO.read(png.toFile());
        assertEquals(1040, picture.getWidth());
    }

    @Test
    void anUnreadableFileIsNamedAndNothingCompared() throws Exception {
        Path generated = melodies("gen", 0, 3);
        Path bad = Files.writeString(generated.resolve("bad.mid"), "not MIDI");
        CliRun run = CliRun.of("stats", generated.toString(), "--reference", melodies("ref", 5, 3).toString());
        assertEquals(Muse4j.FAILURE, run.code());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.errLines()[0].startsWith("muse4j: " + bad + ": "), run.err());
        CliRun empty = CliRun.of("stats", Files.createDirectories(dir.resolve("none")).toString(), "--reference",
                dir.resolve("ref").toString());
        assertEquals(Muse4j.FAILURE, empty.code());
        assertEquals("muse4j: " + dir.resolve("none") + ": holds no MIDI files\n", empty.err());
        CliRun missing = CliRun.of("stats", generated.resolve("m0.mid").toString(), "--reference",
                dir.resolve("missing.txt").toString());
        assertEquals(Muse4j.FAILURE, missing.code());
        assertEquals("muse4j: " + dir.resolve("missing.txt") + ": no such file\n", missing.err());
    }

    @Tag("slow")
    @Test
    void tunesOfTheReferenceCorpusAreFoundCopiedWhole() {
        List<Path> folk = SharedCorpora.midiFiles("folk-abc/MIDI");
        List<String> args = new ArrayList<>(List.of("stats", "--reference", folk.get(0).getParent().toString()));
        folk.subList(0, 3).forEach(f -> args.add(f.toString()));
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("reference: 1195 pieces"), run.out());
        assertTrue(run.out().matches("(?s).*copy check: longest shared run \\d+ notes, (\\S+) \\(from note 0\\) with \\1 "
                + "\\(from note 0\\).*"), run.out());
    }

    private static List<String> topLevelKeys(String json) throws Exception {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            assertEquals(null, p.nextToken());
        }
        return keys;
    }
}
