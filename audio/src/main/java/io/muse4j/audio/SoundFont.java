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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The instruments a render plays: a SoundFont file, or the JDK's built-in (generated) General MIDI sounds. */
public final class SoundFont {
    /** Where Debian's {@code fluid-soundfont-gm} installs FluidR3 GM, used when no SoundFont is given. */
    public static final Path DEBIAN_GM = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");
    private static final String BUILT_IN = "built-in sounds";

    private final String name;
    /** The file as given, for messages; the name for the built-in sounds. */
    private final String source;
    /** The file's instruments; null for the built-in sounds. */
    private final Soundbank bank;

    private SoundFont(String name, String source, Soundbank bank) {
        this.name = name;
        this.source = source;
        this.bank = bank;
    }

    /** The sounds Gervill generates when it has no SoundFont: small, quick to make, always there. */
    public static SoundFont builtIn() {
        return new SoundFont(BUILT_IN, BUILT_IN, null);
    }

    /** The given file, else {@link #DEBIAN_GM} when it exists, else the built-in sounds. */
    public static SoundFont choose(Path file) throws IOException {
        if (file != null) {
            return load(file);
        }
        return Files.exists(DEBIAN_GM) ? load(DEBIAN_GM) : builtIn();
    }

    /**
     * Reads a SoundFont (SF2) or DLS file of at most 1 GiB; fails naming the file when it is missing
     * ({@link java.nio.file.NoSuchFileException}), not a regular file ({@link io.muse4j.core.io.InputFileException}),
     * or not a whole sound bank with at least one instrument ({@link SoundFontException}): a truncated file, a
     * MIDI or WAV file, a RIFF of another kind, chunks that run past their container, or no presets.
     */
    public static SoundFont load(Path file) throws IOException {
        SoundFontCheck.check(file);
        Soundbank bank;
        try {
            bank = MidiSystem.getSoundbank(file.toFile());
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new SoundFontException(file.toString(), describe(e), e);
        }
        if (bank.getInstruments().length == 0) {
            throw new SoundFontException(file.toString(), "it holds no instruments", null);
        }
        return new SoundFont(file.getFileName().toString(), file.toString(), bank);
    }

    /** The same sounds under another name, to say what a render made of them. */
    SoundFont named(String newName) {
        return new SoundFont(newName, source, bank);
    }

    /** The file's name, or "built-in sounds". */
    public String name() {
        return name;
    }

    /**
     * Loads into {@code synth} the instruments of the programs a score uses (loading all of FluidR3 takes
     * seconds); where a program has no bank-0 instrument every bank of it is loaded, for Gervill to choose. A
     * program the file lacks would play nothing, so it is taken from {@code fallback} (the built-in sounds) and
     * named in the result: "program 40, drum kit 0 from the built-in sounds", or "" when none was.
     * Fails naming the file when it has none of the programs at all: the whole piece would be the fallback.
     */
    String loadInto(AudioSynthesizer synth, Set<Integer> melodicPrograms, Set<Integer> drumKits,
                    Supplier<Soundbank> fallback) throws IOException {
        if (bank == null) {
            return "";
        }
        List<String> missing = new ArrayList<>();
        try {
            for (boolean drums : new boolean[] {false, true}) {
                for (int program : drums ? drumKits : melodicPrograms) {
                    if (!load(bank, synth, drums, program, true) && !load(bank, synth, drums, program, false)) {
                        missing.add((drums ? "drum kit " : "program ") + program);
                        load(fallback.get(), synth, drums, program, false);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new SoundFontException(source, describe(e), e);
        }
        if (!missing.isEmpty() && missing.size() == melodicPrograms.size() + drumKits.size()) {
            throw new SoundFontException(source, "it has no instrument for any of the sounds the piece plays ("
                    + String.join(", ", missing) + ")", null);
        }
        return missing.isEmpty() ? "" : String.join(", ", missing) + " from the " + BUILT_IN;
    }

    private static boolean load(Soundbank bank, AudioSynthesizer synth, boolean drums, int program,
                                boolean bankZeroOnly) {
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
