package io.muse4j.audio;

import io.muse4j.core.io.InputFileException;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WavRendererTest {
    /** Levels (RMS, full scale 1) that count as sounding and as silent. */
    private static final double LOUD = 0.01;
    private static final double SILENT = 0.001;

    @TempDir
    Path dir;

    private final WavRenderer builtIn = new WavRenderer(SoundFont.builtIn());

    private Wav render(WavRenderer renderer, NoteSequence seq) throws Exception {
        Path wav = dir.resolve("out.wav");
        renderer.render(seq, wav);
        return Wav.read(wav);
    }

    private static NoteSequence one(Note note) {
        return NoteSequence.builder(480).note(note).build();
    }

    @Test
    void formatLengthSilenceAndTempoChangesFollowTheScore() throws Exception {
        // 120 bpm for two quarters (1 s), then 60 bpm: the note at tick 1920 starts at 3.0 s, not at 2.0 s
        NoteSequence seq = NoteSequence.builder(480).tempoBpm(0, 120).tempoBpm(960, 60)
                .note(60, 100, 0, 480).note(60, 100, 1920, 480).build();
        Wav wav = render(builtIn, seq);
        assertEquals(44_100f, wav.format().getSampleRate());
        assertEquals(16, wav.format().getSampleSizeInBits());
        assertEquals(2, wav.format().getChannels());
        assertEquals(4.0 + WavRenderer.RELEASE_SECONDS, wav.seconds(), 0.01);
        assertTrue(wav.rms(0.05, 0.45) > LOUD, "first note: " + wav.rms(0.05, 0.45));
        assertTrue(wav.rms(1.5, 2.95) < SILENT, "rest, where 120 bpm would have put a note: " + wav.rms(1.5, 2.95));
        assertTrue(wav.rms(3.05, 3.45) > LOUD, "second note: " + wav.rms(3.05, 3.45));
        assertEquals(List.of(dir.resolve("out.wav")), list(dir), "the temporary file is gone");
    }

    @Test
    void louderVelocityGivesALargerLevel() throws Exception {
        double soft = render(builtIn, one(Note.of(64, 30, 0, 480))).rms(0, 0.5);
        double loud = render(builtIn, one(Note.of(64, 120, 0, 480))).rms(0, 0.5);
        assertTrue(loud > 2 * soft, "velocity 120: " + loud + ", velocity 30: " + soft);
    }

    @Test
    void sustainPedalHoldsNotesPastTheirEnd() throws Exception {
        NoteSequence dry = one(Note.of(60, 100, 0, 240));
        NoteSequence pedalled = dry.toBuilder().sustain(0, true, 0).sustain(1920, false, 0).build();
        double without = render(builtIn, dry).rms(0.8, 1.5);
        double with = render(builtIn, pedalled).rms(0.8, 1.5);
        assertTrue(with > LOUD && with > 10 * without, "pedal down: " + with + ", up: " + without);
    }

    @Test
    void drumsProgramsAndChannelsSoundDifferent() throws Exception {
        Wav piano = render(builtIn, one(new Note(50, 100, 0, 480, 0, 0, false, 0)));
        Wav flute = render(builtIn, one(new Note(50, 100, 0, 480, 73, 0, false, 0)));
        Wav drum = render(builtIn, one(new Note(50, 100, 0, 480, 0, 9, true, 0)));
        Wav drumOffChannel = render(builtIn, one(new Note(50, 100, 0, 480, 0, 3, true, 0)));
        for (Wav wav : new Wav[] {piano, flute, drum}) {
            assertTrue(wav.rms(0, 0.3) > LOUD, "level " + wav.rms(0, 0.3));
        }
        assertTrue(Math.abs(Wav.correlation(piano, flute)) < 0.5, "piano ~ flute " + Wav.correlation(piano, flute));
        assertTrue(Math.abs(Wav.correlation(piano, drum)) < 0.5, "piano ~ drum " + Wav.correlation(piano, drum));
        assertTrue(Wav.correlation(drum, drumOffChannel) > 0.99, "a drum note is played on channel 10 wherever it is");
    }

    @Test
    void rendersAMidiFileAndTheDebianSoundFontWhenInstalled() throws Exception {
        assumeTrue(Files.exists(SoundFont.DEBIAN_GM), SoundFont.DEBIAN_GM + " is not installed");
        NoteSequence seq = NoteSequence.builder(480).note(new Note(50, 100, 0, 480, 0, 0, false, 0))
                .note(new Note(38, 100, 960, 480, 0, 9, true, 1)).note(new Note(50, 100, 1920, 480, 73, 1, false, 2))
                .build();
        Path midi = dir.resolve("in.mid");
        MidiWriter.write(seq, midi);
        WavRenderer fluid = new WavRenderer(SoundFont.choose(null));
        assertEquals("FluidR3_GM.sf2", fluid.soundFont().name());
        fluid.render(MidiReader.read(midi).sequence(), dir.resolve("out.wav"));
        Wav wav = Wav.read(dir.resolve("out.wav"));
        for (double start : new double[] {0, 1, 2}) {
            assertTrue(wav.rms(start + 0.05, start + 0.45) > LOUD, "note at " + start + " s: " + wav.rms(start, start + 0.4));
        }
    }

    @Test
    void badSoundFontsAreNamed() throws Exception {
        Path garbage = Files.writeString(dir.resolve("broken.sf2"), "RIFF but not really a SoundFont");
        SoundFontException e = assertThrows(SoundFontException.class, () -> SoundFont.load(garbage));
        assertTrue(e.getMessage().startsWith(garbage + ": not a usable SoundFont: "), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> SoundFont.load(dir.resolve("missing.sf2")));
        assertThrows(InputFileException.class, () -> SoundFont.load(dir));
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
