package io.muse4j.cli;

import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 21: a primed piece keeps the primer's frame, an unprimed one starts where the model likes, bars are exact. */
class GeneratePrimerTest {
    private static final int RESOLUTION = 480;

    @TempDir
    Path dir;

    @Test
    void aJigAt160InSixEightWithItsKeyComesBackAt160InSixEightWithTheKey() throws Exception {
        Path primer = dir.resolve("jig.mid");
        MidiWriter.write(jig(), primer);
        NoteSequence out = generated("--primer", primer.toString(), "--bars", "2", "--seed", "3");
        assertEquals(1, out.tempos().size(), out.tempos().toString());
        assertEquals(160.0, out.tempos().get(0).bpm(), 0.01);
        assertEquals(List.of(new TimeSignature(0, 6, 8)), out.timeSignatures());
        assertEquals(List.of(new KeySignature(0, 2, false)), out.keySignatures());
        // the continuation plays at 160 bpm: the two bars of 6/8 after the primer's bar take 2 * 1.125 s at most
        long primerEnd = jig().endTick() * out.resolution() / RESOLUTION;
        long sixEightBar = 3L * out.resolution();
        assertTrue(out.endTick() > primerEnd, "no continuation");
        assertTrue(out.endTick() <= primerEnd + 2 * sixEightBar + out.resolution() / 4, out.endTick() + " ticks");
        assertEquals(out.tempoMap().seconds(out.endTick()), out.endTick() / (double) out.resolution() * 0.375, 1e-9);
    }

    @Test
    void withoutAPrimerThePieceStartsOnTheModelsOwnFirstNote() throws Exception {
        Set<Integer> firstPitches = new HashSet<>();
        for (int seed = 1; seed <= 8; seed++) {
            NoteSequence out = generated("--bars", "2", "--seed", Integer.toString(seed));
            Note first = out.notes().get(0);
            assertEquals(0, first.startTick(), "seed " + seed + " starts with a rest");
            firstPitches.add(first.pitch());
        }
        assertTrue(firstPitches.size() >= 2 || !firstPitches.contains(60), "every piece starts on " + firstPitches);
    }

    @Test
    void fourBarsAreFourBarsOfFourFour() throws Exception {
        boolean endsOnTheBarLine = false;
        for (int seed = 1; seed <= 6; seed++) {
            NoteSequence out = generated("--model", "folk-transformer-2026", "--bars", "4", "--seed",
                    Integer.toString(seed));
            long fourBars = 4L * 4 * out.resolution();
            assertTrue(out.endTick() <= fourBars, "seed " + seed + ": " + out.endTick() + " ticks");
            assertTrue(out.tempoMap().seconds(out.endTick()) <= 8.0 + 1e-9, "seed " + seed);
            endsOnTheBarLine |= out.endTick() == fourBars;
        }
        assertTrue(endsOnTheBarLine, "no piece ends exactly on the fourth bar line");
    }

    /** A bar of a jig in D major at 160 bpm, in eighths. */
    static NoteSequence jig() {
        NoteSequenceBuilder jig = NoteSequence.builder(RESOLUTION).tempoBpm(0, 160).timeSignature(0, 6, 8)
                .keySignature(0, 2, false);
        int[] pitches = {62, 66, 69, 74, 69, 66};
        for (int i = 0; i < pitches.length; i++) {
            jig.note(pitches[i], 90, i * RESOLUTION / 2, RESOLUTION / 2);
        }
        return jig.build();
    }

    private NoteSequence generated(String... args) throws Exception {
        Path out = dir.resolve("out.mid");
        String[] line = new String[args.length + 3];
        line[0] = "generate";
        line[1] = "--out";
        line[2] = out.toString();
        System.arraycopy(args, 0, line, 3, args.length);
        CliRun run = CliRun.of(line);
        assertEquals(0, run.code(), run.err());
        return MidiReader.read(out).sequence();
    }
}
