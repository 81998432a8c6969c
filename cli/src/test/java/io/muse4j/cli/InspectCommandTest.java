package io.muse4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest {
    @TempDir
    Path dir;

    private Path sample() throws Exception {
        NoteSequence seq = NoteSequence.builder(480).tempoBpm(0, 90).tempoBpm(1920, 120).timeSignature(0, 3, 4)
                .keySignature(0, 2, false).note(62, 80, 0, 480).note(74, 80, 480, 960)
                .note(new Note(45, 70, 0, 1440, 32, 1, false, 1)).note(new Note(38, 100, 0, 10, 0, 9, true, 2))
                .trackName(0, "melody").build();
        return Muse4jTest.write(dir, "sample.mid", seq);
    }

    @Test
    void printsTheFacts() throws Exception {
        Path file = sample();
        CliRun run = CliRun.of("inspect", file.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertEquals(file + "\n"
                + "  format:   1, 3 tracks, 480 ticks per quarter\n"
                + "  notes:    4 (1 drum), 2.00 s\n"
                + "  tempos:   90.00 bpm at 0.00 s, 120.00 bpm at 2.67 s\n"
                + "  meters:   3/4 at 0.00 s\n"
                + "  keys:     D major at 0.00 s\n"
                + "  programs: 0, 32\n"
                + "  pitches:  38..74 (D2..D5)\n", run.out());
    }

    @Test
    void jsonHasOneObjectPerFileWithTheDocumentedKeys() throws Exception {
        Path file = sample();
        CliRun run = CliRun.of("inspect", "--json", file.toString(), file.toString());
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(2, lines.length);
        assertEquals(List.of("file", "format", "tracks", "resolution", "notes", "durationSeconds", "tempos",
                "timeSignatures", "keySignatures", "programs", "pitchMin", "pitchMax"), topLevelKeys(lines[0]));
        assertTrue(lines[0].contains("\"pitchMin\":38,\"pitchMax\":74"), lines[0]);
        assertTrue(lines[0].contains("\"notes\":4,\"durationSeconds\":2.0"), lines[0]);
    }

    @Test
    void aKernChoraleIsInspectedAndABrokenOneIsOneLine() throws Exception {
        Path chorale = SharedCorpora.resolve("bach-chorales/kern/chor001.krn");
        CliRun run = CliRun.of("inspect", chorale.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith(chorale + "\n  format:   Humdrum **kern, 4 tracks, 480 ticks per quarter\n"),
                run.out());
        assertTrue(run.out().contains("  meters:   3/4 at 0.00 s\n  keys:     G major at 0.00 s\n"), run.out());
        Path broken = Files.writeString(dir.resolve("broken.krn"), "**kern\n4c]\n*-\n");
        CliRun bad = CliRun.of("inspect", broken.toString());
        assertEquals(1, bad.code());
        assertEquals("muse4j: " + broken + ": line 2: a tie to nowhere: nothing tied ends at C4\n", bad.err());
    }

    @Test
    void aBadFileIsReportedAndTheOthersStillPrinted() throws Exception {
        Path good = sample();
        Path empty = Files.createFile(dir.resolve("empty.mid"));
        CliRun run = CliRun.of("inspect", "--json", empty.toString(), dir.resolve("missing.mid").toString(),
                good.toString());
        assertEquals(1, run.code());
        assertEquals(1, run.out().split("\n").length, run.out());
        String[] errors = run.errLines();
        assertEquals(2, errors.length, run.err());
        assertTrue(errors[0].startsWith("muse4j: " + empty + ": "), errors[0]);
        assertEquals("muse4j: " + dir.resolve("missing.mid") + ": no such file", errors[1]);
    }

    @Test
    void inspectsRealFiles() {
        List<Path> files = SharedCorpora.midiFiles("piano-performance/Chopin", "folk-abc/MIDI").subList(0, 40);
        List<String> args = new ArrayList<>(List.of("inspect", "--json"));
        files.forEach(f -> args.add(f.toString()));
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, run.code(), run.err());
        assertEquals(files.size(), run.out().split("\n").length);
    }

    private static List<String> topLevelKeys(String json) throws Exception {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        }
        return keys;
    }
}
