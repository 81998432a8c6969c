package io.muse4j.audio;

import com.sun.media.sound.AudioSynthesizer;
import com.sun.media.sound.ModelPatch;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Instrument;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Patch;
import javax.sound.midi.Soundbank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/** The instruments a render plays: a SoundFont file, or the JDK's built-in (generated) General MIDI sounds. */
public final class SoundFont {
    /** Where Debian's {@code fluid-soundfont-gm} installs FluidR3 GM, used when no SoundFont is given. */
    public static final Path DEBIAN_GM = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

    private final String name;
    /** The file's instruments; null for the built-in sounds. */
    private final Soundbank bank;

    private SoundFont(String name, Soundbank bank) {
        this.name = name;
        this.bank = bank;
    }

    /** The sounds Gervill generates when it has no SoundFont: small, quick to make, always there. */
    public static SoundFont builtIn() {
        return new SoundFont("built-in sounds", null);
    }

    /** The given file, else {@link #DEBIAN_GM} when it exists, else the built-in sounds. */
    public static SoundFont choose(Path file) throws IOException {
        if (file != null) {
            return load(file);
        }
        return Files.exists(DEBIAN_GM) ? load(DEBIAN_GM) : builtIn();
    }

    /** Reads a SoundFont (SF2) or DLS file; fails naming the file when it is missing or not a sound bank. */
    public static SoundFont load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new SoundFontException(file.toString(), "not a regular file", null);
        }
        try {
            return new SoundFont(file.getFileName().toString(), MidiSystem.getSoundbank(file.toFile()));
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new SoundFontException(file.toString(), describe(e), e);
        }
    }

    /** The file's name, or "built-in sounds". */
    public String name() {
        return name;
    }

    /**
     * Loads into {@code synth} the instruments of the programs a score uses (loading all of FluidR3 takes
     * seconds); where a program has no bank-0 instrument every bank of it is loaded, for Gervill to choose.
     */
    void loadInto(AudioSynthesizer synth, Set<Integer> melodicPrograms, Set<Integer> drumKits) throws IOException {
        if (bank == null) {
            return;
        }
        try {
            for (boolean drums : new boolean[] {false, true}) {
                for (int program : drums ? drumKits : melodicPrograms) {
                    if (!load(synth, drums, program, true)) {
                        load(synth, drums, program, false);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new SoundFontException(name, describe(e), e);
        }
    }

    private boolean load(AudioSynthesizer synth, boolean drums, int program, boolean bankZeroOnly) {
        boolean any = false;
        for (Instrument instrument : bank.getInstruments()) {
            Patch patch = instrument.getPatch();
            boolean percussion = patch instanceof ModelPatch model && model.isPercussion();
            if (percussion == drums && patch.getProgram() == program && (!bankZeroOnly || patch.getBank() == 0)) {
                any |= synth.loadInstrument(instrument);
            }
        }
        return any;
    }

    /** Whether the synthesizer should load its own default sounds. */
    boolean isBuiltIn() {
        return bank == null;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }

    @Override
    public String toString() {
        return name;
    }
}
