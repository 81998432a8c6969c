package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.MidiWriter;
import io.muse4j.midi.live.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 'muse4j live' headless: a MIDI file plays the calls, the bundled model answers, the session is recorded. */
class LiveCommandTest {
    /** Ticks per second in a recording: 120 bpm at 480 ticks per quarter. */
    private static final double TICKS_PER_SECOND = 960;

    @TempDir
    Path dir;

    /** Two phrases of four quarter notes at 120 bpm, a second apart: two calls. */
    private Path twoPhrases() throws Exception {
        var score = NoteSequence.builder(480).tempoBpm(0, 120);
        int[] pitches = {60, 62, 64, 65, 67, 65, 64, 62};
        for (int i = 0; i < pitches.length; i++) {
            long start = 480L * i + (i >= 4 ? 960 + 480 : 0); // the second phrase starts 1 s after the first ends
            score.note(pitches[i], 80, start, 400);
        }
        Path file = dir.resolve("calls.mid");
        MidiWriter.write(score.build(), file);
        return file;
    }

    @Test
    void aFilePlaysTheCallsAndTheSessionIsRecordedOnTwoTracks() throws Exception {
        Path session = dir.resolve("session.mid");
        CliRun run = CliRun.of("live", "--in-file", twoPhrases().toString(), "--out", "none", "--record",
                session.toString(), "--seed", "3");
        assertEquals(0, run.code(), run.err());
        assertEquals(session + "\n", run.out());
        assertTrue(run.err().contains("call 1, 4 notes") && run.err().contains("call 2, 4 notes"), run.err());

        NoteSequence recorded = MidiReader.read(session).sequence();
        List<Note> calls = track(recorded, Recording.CALL_TRACK);
        List<Note> answers = track(recorded, Recording.RESPONSE_TRACK);
        assertEquals(List.of(60, 62, 64, 65, 67, 65, 64, 62), calls.stream().map(Note::pitch).toList());
        long first = calls.get(0).startTick();
        for (int i = 0; i < calls.size(); i++) {
            double expected = 0.5 * i + (i >= 4 ? 1.5 : 0);
            assertEquals(expected, (calls.get(i).startTick() - first) / TICKS_PER_SECOND, 0.002, "call note " + i);
            assertEquals(400 / TICKS_PER_SECOND, calls.get(i).durationTicks() / TICKS_PER_SECOND, 0.002, "call note " + i);
        }
        assertTrue(!answers.isEmpty(), "no answer was recorded");
        long firstCallEnd = calls.get(3).endTick();
        assertEquals(firstCallEnd + 0.6 * TICKS_PER_SECOND, answers.get(0).startTick(), 2,
                "the first answer starts 600 ms after the first call ends");
        long secondCallStart = calls.get(4).startTick();
        for (Note answer : answers) {
            assertTrue(answer.pitch() >= 48 && answer.pitch() <= 84, "pitch " + answer.pitch());
            assertEquals(1, answer.channel(), "answers go out on MIDI channel 2");
            boolean firstAnswer = answer.startTick() < secondCallStart;
            assertTrue(!firstAnswer || answer.endTick() <= secondCallStart + 1,
                    "the second call interrupts the first answer: " + answer);
            assertTrue(firstAnswer || answer.startTick() >= calls.get(7).endTick(), "answers wait for the call");
        }

        Path again = dir.resolve("again.mid");
        CliRun second = CliRun.of("live", "--in-file", dir.resolve("calls.mid").toString(), "--out", "none",
                "--record", again.toString(), "--seed", "3");
        assertEquals(0, second.code(), second.err());
        assertArrayEquals(Files.readAllBytes(session), Files.readAllBytes(again), "the same seed, the same session");
    }

    private static List<Note> track(NoteSequence score, int track) {
        return score.notes().stream().filter(n -> n.track() == track).toList();
    }

    @Test
    void aMissingInputIsOneLineNamingIt() {
        CliRun run = CliRun.of("live", "--in", "No Such Keyboard 9000", "--out", "none");
        assertEquals(Muse4j.FAILURE, run.code());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("muse4j: no MIDI input named 'No Such Keyboard 9000' ("), run.err());
    }

    @Test
    void aMissingOutputIsOneLineNamingIt() throws Exception {
        CliRun run = CliRun.of("live", "--in-file", twoPhrases().toString(), "--out", "No Such Port 9000");
        assertEquals(Muse4j.FAILURE, run.code());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("muse4j: no MIDI output named 'No Such Port 9000' ("), run.err());
    }

    @Test
    void aCorruptCallFileIsOneLineNamingIt() throws Exception {
        Path bad = dir.resolve("bad.mid");
        Files.write(bad, new byte[] {'M', 'T', 'h', 'd', 0, 0});
        CliRun run = CliRun.of("live", "--in-file", bad.toString(), "--out", "none");
        assertEquals(Muse4j.FAILURE, run.code());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("muse4j: " + bad), run.err());
    }

    @Test
    void nonsenseFlagsAreUsageErrors() throws Exception {
        String calls = twoPhrases().toString();
        for (String[] args : List.of(new String[] {"live", "--out", "none"},
                new String[] {"live", "--in", "x", "--in-file", calls},
                new String[] {"live", "--in-file", calls, "--channel", "17"},
                new String[] {"live", "--in-file", calls, "--silence-ms", "5"},
                new String[] {"live", "--in-file", calls, "--response-bars", "0"},
                new String[] {"live", "--in-file", calls, "--response-bars", "2", "--response-match"},
                new String[] {"live", "--in-file", calls, "--while-responding", "ignore"},
                new String[] {"live", "--in-file", calls, "--top-p", "0"})) {
            CliRun run = CliRun.of(args);
            assertEquals(Muse4j.USAGE, run.code(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.errLines().length, run.err());
        }
    }

    @Test
    void devicesListsTheSynthesizerAndNowhereAmongTheOutputs() {
        CliRun run = CliRun.of("devices");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("output\tsynth\t"), run.out());
        assertTrue(run.out().contains("output\tnone\t"), run.out());
    }
}
