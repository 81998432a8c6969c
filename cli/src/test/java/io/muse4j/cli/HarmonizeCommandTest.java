package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.stats.KeyEstimate;
import io.muse4j.core.stats.VoiceLeading;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.core.transform.Voices;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24: {@code muse4j harmonize} with the bundled harmoniser, read back from the file it writes. */
@Tag("slow")
class HarmonizeCommandTest {
    private static final Path ODE = SharedCorpora.projectRoot().resolve("examples/ode-to-joy.mid");

    @TempDir
    Path dir;

    @Test
    void harmonisesTheExampleOnFourTracksKeepingItsMelody() throws Exception {
        Path out = dir.resolve("h.mid");
        CliRun run = CliRun.of("harmonize", ODE.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(out + "\n", run.out());
        // the example has a bass line under its tune: the tune is harmonised, and the user is told
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().contains("ode-to-joy.mid") && run.err().contains("top voice"), run.err());
        NoteSequence input = MidiReader.read(ODE).sequence();
        NoteSequence written = MidiReader.read(out).sequence();
        assertEquals(4, written.notes().stream().mapToInt(Note::track).distinct().count());
        assertEquals(plain(Voices.melody(input).notes()), plain(track(written, 0)), "the melody, unchanged");
        assertEquals(input.tempos(), written.tempos());
        assertEquals(input.timeSignatures(), written.timeSignatures());
        for (int part = 1; part < 4; part++) {
            List<Note> notes = track(written, part);
            assertTrue(notes.size() >= 4, "part " + part + " has " + notes.size() + " notes");
            assertTrue(notes.stream().allMatch(n -> n.pitch() < 70), "part " + part + " lies below the tune");
        }
    }

    @Test
    void gibbsAndAnticipationKeepTheMelodyToo() throws Exception {
        NoteSequence input = MidiReader.read(ODE).sequence();
        String anticipation = SharedCorpora.projectRoot().resolve(
                "models/src/test/resources/io/muse4j/models/fixtures/anticipation.m4j").toString();
        for (List<String> method : List.of(List.of("gibbs"), List.of("anticipation", "--model", anticipation))) {
            Path out = dir.resolve(method.get(0) + ".mid");
            List<String> args = new ArrayList<>(List.of("harmonize", ODE.toString(), "--method"));
            args.addAll(method);
            args.addAll(List.of("--seed", "4", "--out", out.toString()));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.code(), run.err());
            NoteSequence written = MidiReader.read(out).sequence();
            assertEquals(4, written.notes().stream().mapToInt(Note::track).distinct().count(), method.get(0));
            assertEquals(plain(Voices.melody(input).notes()), plain(track(written, 0)), method + ": the melody");
        }
        for (List<String> wrong : List.of(List.of("--model", "regenerator"), List.<String>of())) {
            List<String> args = new ArrayList<>(List.of("harmonize", ODE.toString(), "--method", "anticipation"));
            args.addAll(wrong);
            args.addAll(List.of("--out", dir.resolve("x.mid").toString()));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, run.code(), run.err());
            assertEquals(1, run.errLines().length, run.err());
            assertTrue(run.err().contains("--method anticipation needs"), run.err());
        }
        assertFalse(Files.exists(dir.resolve("x.mid")));
    }

    @Test
    void aMonophonicMelodyInAnyKeyIsHarmonisedSilentlyAndTheSameSeedGivesTheSameBytes() throws Exception {
        Path melody = dir.resolve("melody.mid");
        MidiWriter.write(SyntheticScores.melody(5, 32, 66, 80, 4), melody);
        Path first = dir.resolve("a.mid");
        Path second = dir.resolve("b.mid");
        CliRun run = CliRun.of("harmonize", melody.toString(), "--seed", "3", "--out", first.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertEquals(0, CliRun.of("harmonize", melody.toString(), "--seed", "3", "--out", second.toString()).code());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void theRulesKeepTheDrawnPartsFromParallelsAndCrossings() throws Exception {
        Path ruled = dir.resolve("ruled.mid");
        Path free = dir.resolve("free.mid");
        assertEquals(0, CliRun.of("harmonize", ODE.toString(), "--seed", "2", "--out", ruled.toString()).code());
        assertEquals(0, CliRun.of("harmonize", ODE.toString(), "--seed", "2", "--no-rules", "--temperature", "1",
                "--out", free.toString()).code());
        VoiceLeading withRules = voiceLeading(ruled);
        VoiceLeading without = voiceLeading(free);
        assertEquals(0, withRules.parallelFifths() + withRules.parallelOctaves() + withRules.crossings(),
                withRules.toString());
        assertTrue(without.parallelFifths() + without.parallelOctaves() + without.crossings() > 0, without.toString());
    }

    @Test
    void badInputIsOneLineNamingTheFileOrModel() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mid"));
        CliRun run = CliRun.of("harmonize", empty.toString(), "--out", dir.resolve("x.mid").toString());
        assertTrue(run.code() != 0);
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().contains("empty.mid"), run.err());

        Path silent = dir.resolve("silent.mid");
        MidiWriter.write(NoteSequence.of(480, List.of()), silent);
        run = CliRun.of("harmonize", silent.toString(), "--out", dir.resolve("x.mid").toString());
        assertTrue(run.code() != 0);
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().contains("silent.mid") && run.err().contains("no pitched notes"), run.err());

        run = CliRun.of("harmonize", ODE.toString(), "--model", "default", "--out", dir.resolve("x.mid").toString());
        assertTrue(run.code() != 0);
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().contains("does not harmonise"), run.err());
        assertFalse(Files.exists(dir.resolve("x.mid")));
    }

    private static VoiceLeading voiceLeading(Path file) throws Exception {
        NoteSequence score = MidiReader.read(file).sequence();
        return VoiceLeading.of(VoiceRoll.of(score, 4, 4), KeyEstimate.of(score));
    }

    private static List<Note> track(NoteSequence score, int track) {
        return score.notes().stream().filter(n -> n.track() == track).toList();
    }

    /** Pitch, onset, length and velocity: what a melody is, wherever a file puts its track and channel. */
    private static List<List<Long>> plain(List<Note> notes) {
        return notes.stream().map(n -> List.of((long) n.pitch(), n.startTick(), n.durationTicks(),
                (long) n.velocity())).toList();
    }
}
