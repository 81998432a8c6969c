package io.muse4j.cli;

import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.ScoreFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 21, 3a: ABC files wherever the command line takes a score: inspect, encode, --primer, corpora, --out. */
class AbcCommandsTest {
    /** Two good jigs around a tune whose note cannot be read (line 11). */
    static final String BOOK = """
            X:1
            T:First Jig
            M:6/8
            L:1/8
            Q:1/4=160
            K:D
            DFA dAF|GBd gdB|AFD DFA|B2A AFD:|
            
            X:2
            T:Broken
            K:G
            GAB c?d|
            
            X:3
            T:Second Jig
            M:6/8
            L:1/8
            K:G
            GBd gdB|cAF DFA|GBd gdB|A3 G3:|
            """;

    @TempDir
    Path dir;

    @Test
    void inspectPrintsEachGoodTuneAndNamesTheBadOneWithItsLine() throws Exception {
        Path book = write("book.abc", BOOK);
        CliRun run = CliRun.of("inspect", book.toString());
        assertEquals(Muse4j.FAILURE, run.code(), run.err());
        assertTrue(run.out().contains("ABC tune X:1 (First Jig)"), run.out());
        assertTrue(run.out().contains("ABC tune X:3 (Second Jig)"), run.out());
        assertTrue(run.out().contains("6/8 at 0.00 s"), run.out());
        assertTrue(run.err().startsWith("muse4j: " + book + ": tune X:2, line 12"), run.err());
        CliRun json = CliRun.of("inspect", "--json", write("one.abc", BOOK.substring(0, BOOK.indexOf("X:2"))).toString());
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"format\":\"abc\",\"tune\":1,\"title\":\"First Jig\""), json.out());
    }

    @Test
    void encodeWritesOneLinePerTune() throws Exception {
        Path good = write("good.abc", BOOK.replace("c?d", "cd"));
        CliRun run = CliRun.of("encode", "--encoding", "melody", good.toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).matches("[0-9]+( [0-9]+)+"), lines.get(0));
    }

    @Test
    void anAbcPrimerKeepsItsTempoMeterAndKey() throws Exception {
        Path primer = write("jig.abc", BOOK.substring(0, BOOK.indexOf("X:2")));
        Path out = dir.resolve("out.mid");
        CliRun run = CliRun.of("generate", "--primer", primer.toString(), "--bars", "2", "--seed", "2", "--out",
                out.toString());
        assertEquals(0, run.code(), run.err());
        NoteSequence music = MidiReader.read(out).sequence();
        assertEquals(160.0, music.tempos().get(0).bpm(), 0.01);
        assertEquals(List.of(new TimeSignature(0, 6, 8)), music.timeSignatures());
        assertEquals(List.of(new KeySignature(0, 2, false)), music.keySignatures());
    }

    @Test
    void generateWritesAbcWhenTheOutputEndsInAbc() throws Exception {
        Path out = dir.resolve("tune.abc");
        CliRun run = CliRun.of("generate", "--bars", "4", "--seed", "1", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(out + "\n", run.out());
        assertTrue(Files.readString(out).startsWith("X:"), Files.readString(out));
        List<NoteSequence> tunes = ScoreFiles.read(out);
        assertEquals(1, tunes.size());
        assertTrue(tunes.get(0).notes().size() >= 8, tunes.get(0).notes().size() + " notes");
    }

    @Test
    void aCorpusOfAbcTrainsAndListsItsBadTunes() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        StringBuilder tunes = new StringBuilder(BOOK);
        for (int x = 4; x <= 9; x++) {
            tunes.append("\nX:").append(x).append("\nM:4/4\nL:1/8\nK:D\n")
                    .append("DEFG ABcd|edcB AGFE|DFAd fdAF|G2B2 A4:|\n");
        }
        write("corpus/book.abc", tunes.toString());
        Path model = dir.resolve("abc.m4j");
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CliRun run;
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            run = CliRun.of("train", "lstm", "--encoding", "melody", "--corpus", corpus.toString(), "--out",
                    model.toString(), "--hidden", "16", "--layers", "1", "--embedding", "8", "--batch", "4",
                    "--seq-len", "16", "--steps", "3", "--val-every", "10", "--valid-fraction", "0.2");
        } finally {
            System.setErr(err);
        }
        assertEquals(0, run.code(), run.err());
        String report = log.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("skipped 1 of 9"), report);
        assertTrue(report.contains("book.abc: tune X:2, line 12: "), report);
        assertTrue(Files.exists(model));
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
