package io.muse4j.cli;

import io.muse4j.midi.MidiReader;
import io.muse4j.models.vae.SavedVae;
import io.muse4j.models.vae.VaeFile;
import io.muse4j.models.vae.VaeLatent;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What the commands only a MusicVAE serves (reconstruct, attribute) share: the model and a melody's window. */
final class VaeMelodies {
    private VaeMelodies() {
    }

    /** The MusicVAE in a model file. */
    static SavedVae load(String model) throws IOException {
        return VaeFile.load(Path.of(model));
    }

    /**
     * The first window of a MIDI file's melody. A polyphonic file's highest voice is taken, and {@code err} says
     * how many notes that dropped; a melody shorter than a window fails naming the file and the lengths.
     */
    static int[] window(SavedVae saved, Path file, PrintWriter err) throws IOException {
        return new VaeLatent(saved).window(MidiReader.read(file).sequence(), file.toString(),
                line -> err.println("muse4j: " + line));
    }

    /** Writes token windows as melodies, one after another in {@code out}; prints the file. */
    static void write(SavedVae saved, int[][] windows, Path out, PrintWriter stdout) throws IOException {
        VaeLatent latent = new VaeLatent(saved);
        LatentPieces.write(latent, latent.melodies(windows), out, false, stdout);
    }
}
