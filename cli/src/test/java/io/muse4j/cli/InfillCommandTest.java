package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24: {@code muse4j infill} with the bundled regenerator, on real chorales, read back from its file. */
@Tag("slow")
class InfillCommandTest {
    private static final Path SEPARATED = SharedCorpora.resolve("jsb-chorales/Jsb16thSeparated.json");
    private static final Path ODE = SharedCorpora.projectRoot().resolve("examples/ode-to-joy.mid");

    @TempDir
    Path dir;

    @Test
    void aTestChoralesBarsAreRegeneratedInTheChosenVoicesAndEveryOtherNoteIsKept() throws Exception {
        NoteSequence chorale = CorpusSplits.pieces(SEPARATED, CorpusSplits.Split.TEST,
                new PianoRollCodec(GridConfig.SIXTEENTHS), 0.1, 1).get(3).score();
        Path piece = dir.resolve("chorale.mid");
        MidiWriter.write(chorale, piece);
        Path out = dir.resolve("out.mid");
        CliRun run = CliRun.of("infill", piece.toString(), "--bars", "3-4", "--voices", "alto,tenor", "--seed", "5",
                "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(out + "\n", run.out());
        assertEquals("", run.err());
        long bar = chorale.resolution() * 4L;
        assertKeptOutside(MidiReader.read(piece).sequence(), MidiReader.read(out).sequence(), 2 * bar, 4 * bar,
                Set.of(1, 2));
        Path again = dir.resolve("again.mid");
        assertEquals(0, CliRun.of("infill", piece.toString(), "--bars", "3-4", "--voices", "alto,tenor", "--seed",
                "5", "--out", again.toString()).code());
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again), "the same seed, the same bytes");
    }

    @Test
    void aHarmonisedMelodyIsRegeneratedInAllItsVoices() throws Exception {
        Path harmonised = dir.resolve("h.mid");
        assertEquals(0, CliRun.of("harmonize", ODE.toString(), "--out", harmonised.toString()).code());
        Path out = dir.resolve("out.mid");
        CliRun run = CliRun.of("infill", harmonised.toString(), "--bars", "2", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        NoteSequence before = MidiReader.read(harmonised).sequence();
        NoteSequence after = MidiReader.read(out).sequence();
        long bar = before.resolution() * 4L;
        assertKeptOutside(before, after, bar, 2 * bar, Set.of(0, 1, 2, 3));
        assertNotEquals(before.notes(), after.notes());
        assertEquals(before.tempos(), after.tempos());
    }

    @Test
    void badSpansVoicesAndFilesGetOneLine() throws Exception {
        Path harmonised = dir.resolve("h.mid");
        assertEquals(0, CliRun.of("harmonize", ODE.toString(), "--out", harmonised.toString()).code());
        Path out = dir.resolve("out.mid");
        CliRun beyond = CliRun.of("infill", harmonised.toString(), "--bars", "40-41", "--out", out.toString());
        assertNotEquals(0, beyond.code());
        assertEquals(1, beyond.errLines().length, beyond.err());
        assertTrue(beyond.err().contains("--bars 40-41") && beyond.err().contains("bars"), beyond.err());
        for (String bars : List.of("0-2", "5-3", "x", "1-2-3")) {
            CliRun bad = CliRun.of("infill", harmonised.toString(), "--bars", bars, "--out", out.toString());
            assertNotEquals(0, bad.code(), bars);
            assertEquals(1, bad.errLines().length, bad.err());
        }
        CliRun voice = CliRun.of("infill", harmonised.toString(), "--bars", "1", "--voices", "alto,flute", "--out",
                out.toString());
        assertEquals(1, voice.errLines().length, voice.err());
        assertTrue(voice.err().contains("flute"), voice.err());
        Path empty = Files.createFile(dir.resolve("empty.mid"));
        CliRun nothing = CliRun.of("infill", empty.toString(), "--bars", "1", "--out", out.toString());
        assertNotEquals(0, nothing.code());
        assertEquals(1, nothing.errLines().length, nothing.err());
        assertTrue(nothing.err().contains("empty.mid"), nothing.err());
        assertTrue(!Files.exists(out), "nothing written");
    }

    /** Every note of the piece that does not sound in the span in a chosen voice is in the result, and no other. */
    private static void assertKeptOutside(NoteSequence before, NoteSequence after, long from, long to,
                                          Set<Integer> voices) {
        List<Integer> tracks = before.notes().stream().map(Note::track).distinct().sorted().toList();
        for (Note n : before.notes()) {
            boolean covered = voices.contains(tracks.indexOf(n.track())) && n.startTick() < to && n.endTick() > from;
            if (!covered) {
                assertTrue(after.notes().contains(n), "kept: " + n);
            }
        }
        for (Note n : after.notes()) {
            boolean inSpan = voices.contains(tracks.indexOf(n.track())) && n.startTick() < to && n.endTick() > from;
            boolean cut = voices.contains(tracks.indexOf(n.track())) && (n.endTick() == from || n.startTick() == to);
            assertTrue(before.notes().contains(n) || inSpan || cut, "only the span is new: " + n);
        }
    }
}
