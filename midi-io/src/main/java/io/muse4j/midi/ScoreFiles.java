package io.muse4j.midi;

import io.muse4j.core.io.AtomicFiles;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.abc.AbcReader;
import io.muse4j.midi.abc.AbcTune;
import io.muse4j.midi.abc.AbcWriter;
import io.muse4j.midi.kern.KernReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes score files of any format this module knows, chosen by extension: {@code .mid}/{@code .midi}
 * (Standard MIDI Files, by {@link MidiReader} and {@link MidiWriter}), {@code .abc} (by {@link AbcReader} and
 * {@link AbcWriter}) and {@code .krn} (Humdrum **kern, read by {@link KernReader}, not written), so that a command
 * can take any of them wherever it takes a score.
 */
public final class ScoreFiles {
    /** The extensions {@link #read} accepts, lower case, with the dot; {@link #write} takes all but .krn. */
    public static final List<String> EXTENSIONS = List.of(".mid", ".midi", ".abc", ".krn");

    private ScoreFiles() {
    }

    /**
     * The scores in a file: one for a MIDI file or a kern file (repeats played), one per tune (repeats expanded) for
     * an ABC file. Fails with the reader's exception (naming the file, and for ABC and kern the line) on the first
     * thing it cannot read.
     */
    public static List<NoteSequence> read(Path file) throws IOException {
        if (isKernFile(file)) {
            return List.of(KernReader.read(file));
        }
        if (isAbc(file)) {
            return AbcReader.read(file).stream().map(AbcTune::sequence).toList();
        }
        return List.of(MidiReader.read(file).sequence());
    }

    /** Writes a score as a MIDI file or as one ABC tune, atomically, by the file's extension. */
    public static void write(NoteSequence seq, Path file) throws IOException {
        refuseKern(file);
        if (isAbc(file)) {
            AtomicFiles.write(file, AbcWriter.write(seq).getBytes(StandardCharsets.UTF_8));
        } else {
            MidiWriter.write(seq, file);
        }
    }

    /** Writes a score as one ABC tune for a {@code .abc} name, else as a MIDI file (whatever its extension). */
    public static void writeAbcOrMidi(NoteSequence seq, Path file) throws IOException {
        refuseKern(file);
        if (isAbcFile(file)) {
            write(seq, file);
        } else {
            MidiWriter.write(seq, file);
        }
    }

    /** Whether a path names a file {@link #read} and {@link #write} accept. */
    public static boolean isScoreFile(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /** Whether a path names an ABC file (by its extension), which may hold many tunes. */
    public static boolean isAbcFile(Path file) {
        return extension(file).equals(".abc");
    }

    /** Whether a path names a Humdrum **kern file (by its extension), which is read but not written. */
    public static boolean isKernFile(Path file) {
        return extension(file).equals(".krn");
    }

    private static void refuseKern(Path file) {
        if (isKernFile(file)) {
            throw new IllegalArgumentException(file + ": muse4j reads **kern but does not write it; give a .mid or "
                    + ".abc name");
        }
    }

    private static boolean isAbc(Path file) {
        String ext = extension(file);
        if (!EXTENSIONS.contains(ext)) {
            throw new IllegalArgumentException("score file " + file + " has extension '" + ext
                    + "'; expected one of " + String.join(", ", EXTENSIONS));
        }
        return ext.equals(".abc");
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(dot);
    }
}
