package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example that README's first command inspects: a checked-in file that guards the reader. */
class ExampleFileTest {
    static final Path EXAMPLE = SharedCorpora.projectRoot().resolve("examples/ode-to-joy.mid");

    /** Beethoven's "Ode to Joy" theme in D major with a bass line: two tracks, 4/4, 100 quarters per minute. */
    static NoteSequence odeToJoy() {
        int q = 480;
        int[][] melody = {{66, 2}, {66, 2}, {67, 2}, {69, 2}, {69, 2}, {67, 2}, {66, 2}, {64, 2}, {62, 2}, {62, 2},
                {64, 2}, {66, 2}, {66, 3}, {64, 1}, {64, 4}, {66, 2}, {66, 2}, {67, 2}, {69, 2}, {69, 2}, {67, 2},
                {66, 2}, {64, 2}, {62, 2}, {62, 2}, {64, 2}, {66, 2}, {64, 3}, {62, 1}, {62, 4}};
        NoteSequenceBuilder b = NoteSequence.builder(q).tempoBpm(0, 100).timeSignature(0, 4, 4).keySignature(0, 2, false)
                .trackName(0, "Ode to Joy").trackName(1, "bass");
        long tick = 0;
        for (int[] note : melody) {
            b.note(new Note(note[0], 90, tick, note[1] * q / 2 - 10, 73, 0, false, 0));
            tick += note[1] * q / 2;
        }
        int[] bassHalves = {50, 57, 45, 52, 50, 57, 45, 52, 50, 57, 45, 52, 50, 57, 45, 38};
        for (int half = 0; half < bassHalves.length; half++) {
            b.note(new Note(bassHalves[half], 70, half * 2L * q, 2L * q, 32, 1, false, 1));
        }
        return b.build();
    }

    @Test
    void theShippedExampleReadsBackExactly() throws Exception {
        assertEquals(odeToJoy(), MidiReader.read(EXAMPLE).sequence());
    }

    @Test
    void inspectPrintsIt() {
        CliRun run = CliRun.of("inspect", EXAMPLE.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(EXAMPLE + "\n"
                + "  format:   1, 2 tracks, 480 ticks per quarter\n"
                + "  notes:    46 (0 drum), 19.20 s\n"
                + "  tempos:   100.00 bpm at 0.00 s\n"
                + "  meters:   4/4 at 0.00 s\n"
                + "  keys:     D major at 0.00 s\n"
                + "  programs: 32, 73\n"
                + "  pitches:  38..69 (D2..A4)\n", run.out());
    }
}
