package io.muse4j.audio;

import com.sun.media.sound.EmergencySoundbank;
import com.sun.media.sound.SF2Instrument;
import com.sun.media.sound.SF2Soundbank;
import io.muse4j.audio.signal.AudioReader;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.HostileFiles;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SoundFonts that are truncated, damaged or of another kind, inputs that are not files, and renders too long for
 * a WAV file: each fails naming the file, in a JVM of 512 MB (see audio's pom). The SoundFonts are the JDK's own
 * generated General MIDI set, saved as SF2 and then broken.
 */
class HostileSoundFontTest {
    private static byte[] sf2;
    private static byte[] pianoOnly;

    @TempDir
    Path dir;

    @BeforeAll
    static void soundFonts() throws Exception {
        SF2Soundbank bank = EmergencySoundbank.createSoundbank();
        Path file = Files.createTempFile("muse4j-test", ".sf2");
        try {
            bank.save(file.toFile());
            sf2 = Files.readAllBytes(file);
            for (SF2Instrument preset : bank.getInstruments()) {
                if (preset.getPatch().getProgram() != 0 || preset.getPatch().getBank() != 0) {
                    bank.removeInstrument(preset);
                }
            }
            bank.save(file.toFile());
            pianoOnly = Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String refused(String name, byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve(name), bytes);
        SoundFontException e = assertThrows(SoundFontException.class, () -> SoundFont.load(file));
        assertTrue(e.getMessage().startsWith(file + ": not a usable SoundFont: "), e.getMessage());
        return e.getMessage().substring((file + ": not a usable SoundFont: ").length());
    }

    @Test
    void aWholeSoundFontLoadsAndPlays() throws Exception {
        Path file = Files.write(dir.resolve("whole.sf2"), sf2);
        WavRenderer renderer = new WavRenderer(SoundFont.load(file));
        renderer.render(NoteSequence.builder(480).note(60, 100, 0, 480).build(), dir.resolve("out.wav"));
        assertTrue(Wav.read(dir.resolve("out.wav")).rms(0.05, 0.45) > 0.01);
        assertEquals("whole.sf2", renderer.soundFont().name());
    }

    @Test
    void truncatedSoundFontsAreRefused() throws Exception {
        for (int length : new int[] {0, 3, 11, 12, 100, sf2.length / 2, sf2.length - 1}) {
            String why = refused("cut.sf2", Arrays.copyOf(sf2, length));
            assertTrue(why.startsWith(length < 4 ? "it does not start with 'RIFF'" : "truncated"), why);
        }
    }

    @Test
    void filesOfOtherKindsAreRefused() throws Exception {
        byte[] midi = MidiWriter.toBytes(NoteSequence.builder(480).note(60, 100, 0, 480).build());
        assertEquals("it does not start with 'RIFF' (a SoundFont 2 or DLS file does; it starts with 'MThd')",
                refused("TonrasJig.mid", midi));
        byte[] wave = Arrays.copyOf(sf2, 64);
        ByteBuffer.wrap(wave).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 56).put(8, (byte) 'W').put(9, (byte) 'A')
                .put(10, (byte) 'V').put(11, (byte) 'E');
        assertEquals("a RIFF file of type 'WAVE', not a SoundFont ('sfbk') or DLS ('DLS ')", refused("a.sf2", wave));
    }

    @Test
    void chunksRunningPastTheirContainerAreRefused() throws Exception {
        byte[] damaged = sf2.clone();
        ByteBuffer.wrap(damaged).order(ByteOrder.LITTLE_ENDIAN).putInt(16, Integer.MAX_VALUE); // the first LIST
        assertTrue(refused("damaged.sf2", damaged).startsWith("truncated or damaged: chunk 'LIST' at byte 12"));
        byte[] noPresets = sf2.clone();
        int phdr = indexOf(noPresets, "phdr");
        ByteBuffer.wrap(noPresets).order(ByteOrder.LITTLE_ENDIAN).put(phdr, (byte) 'x');
        assertEquals("no preset data (no 'pdta' list with 'phdr')", refused("nopresets.sf2", noPresets));
    }

    @Test
    void programsTheSoundFontLacksComeFromTheBuiltInSoundsAndSaySo() throws Exception {
        Path file = Files.write(dir.resolve("piano.sf2"), pianoOnly);
        WavRenderer renderer = new WavRenderer(SoundFont.load(file));
        NoteSequence both = NoteSequence.builder(480).note(new Note(60, 100, 0, 480, 0, 0, false, 0))
                .note(new Note(64, 100, 0, 480, 40, 1, false, 1)).build();
        renderer.render(both, dir.resolve("both.wav"));
        assertEquals("piano.sf2 (program 40 from the built-in sounds)", renderer.soundFont().name());
        NoteSequence violin = NoteSequence.builder(480).note(new Note(64, 100, 0, 480, 40, 0, false, 0)).build();
        SoundFontException e = assertThrows(SoundFontException.class,
                () -> renderer.render(violin, dir.resolve("violin.wav")));
        assertEquals(file + ": not a usable SoundFont: it has no instrument for any of the sounds the piece plays "
                + "(program 40)", e.getMessage());
        assertEquals(List.of(dir.resolve("both.wav"), dir.resolve("piano.sf2")), list());
    }

    @Test
    void devicesFifosAndFoldersAreRefusedAsSoundFontsAndAudio() throws Exception {
        HostileFiles.assertRefused(dir, "x.sf2", true, SoundFont::load);
        HostileFiles.assertRefused(dir, "x.wav", true, AudioReader::read);
    }

    @Test
    void rendersLongerThanAWavFileHoldsAreRefusedBeforeStarting() throws Exception {
        // 23 hours at 1 quarter per second: 82,800 quarters
        NoteSequence day = NoteSequence.builder(480).tempoBpm(0, 60).note(60, 100, 0, 480L * 82_800).build();
        Path wav = dir.resolve("day.wav");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WavRenderer(SoundFont.builtIn()).render(day, wav));
        assertEquals(wav + ": the audio would last 23.0 hours, longer than the 6 hours a render may last (a WAV "
                + "file holds at most 4 GiB)", e.getMessage());
        assertEquals(List.of(), list());
    }

    private List<Path> list() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static int indexOf(byte[] bytes, String ascii) {
        outer:
        for (int i = 0; i + 4 <= bytes.length; i++) {
            for (int j = 0; j < 4; j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(ascii + " not found");
    }
}
