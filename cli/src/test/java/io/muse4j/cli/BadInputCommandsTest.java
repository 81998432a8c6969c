package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.HostileFiles;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 22 through the command line: a device, a FIFO or a folder where a file should be, a MIDI file given as a
 * SoundFont, a render too long for a WAV file. Each is one line naming the file, exit code 1, no hang.
 */
class BadInputCommandsTest {
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void inspectAndPlayRefuseWhatIsNotAFile() throws Exception {
        for (String name : List.of("x.mid", "x.wav")) {
            for (Path input : HostileFiles.all(dir.resolve(name + "-inputs"), name)) {
                String[] args = name.endsWith(".mid") ? new String[] {"inspect", input.toString()}
                        : new String[] {"spectrogram", input.toString(), "--out", dir.resolve("s.png").toString()};
                CliRun run = assertTimeoutPreemptively(QUICK, () -> CliRun.of(args));
                assertEquals(1, run.code(), run.err());
                assertArrayEquals(new String[] {"muse4j: " + input + ": not a regular file ("
                        + kind(input) + ")"}, run.errLines());
            }
        }
    }

    @Test
    void renderRefusesAMidiFileAsSoundFontAndMusicTooLongForAWavFile() throws Exception {
        Path tune = dir.resolve("TonrasJig.mid");
        MidiWriter.write(NoteSequence.builder(480).note(60, 90, 0, 480).build(), tune);
        Path wav = dir.resolve("out.wav");
        CliRun run = CliRun.of("render", tune.toString(), "--out", wav.toString(), "--soundfont", tune.toString());
        assertEquals(1, run.code());
        assertArrayEquals(new String[] {"muse4j: " + tune + ": not a usable SoundFont: it does not start with 'RIFF' "
                + "(a SoundFont 2 or DLS file does; it starts with 'MThd')"}, run.errLines());

        Path day = dir.resolve("day.mid"); // 23 hours at 60 quarters a minute
        MidiWriter.write(NoteSequence.builder(480).tempoBpm(0, 60).note(60, 90, 0, 480L * 82_800).build(), day);
        run = CliRun.of("render", day.toString(), "--out", wav.toString());
        assertEquals(1, run.code());
        assertArrayEquals(new String[] {"muse4j: " + wav + ": the audio would last 23.0 hours, longer than the 6 "
                + "hours a render may last (a WAV file holds at most 4 GiB)"}, run.errLines());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(tune, day), files.filter(p -> !Files.isDirectory(p)).sorted().toList());
        }
    }

    private static String kind(Path input) {
        return Files.isDirectory(input) ? "a folder" : input.getParent().getFileName().toString().equals("fifo")
                ? "a FIFO" : "a character device";
    }
}
