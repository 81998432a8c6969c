package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.MidiWriter;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.LatentModel;
import io.muse4j.models.kind.SavedModel;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** What the commands on a latent space share: loading the model, a MIDI file's code, writing decoded windows. */
final class LatentPieces {
    private LatentPieces() {
    }

    /** The latent space of the model in a file; a model without one is an error saying which kinds have one. */
    static LatentModel load(String model) throws IOException {
        SavedModel saved = ModelKinds.load(Path.of(model));
        return saved.kind().latent(saved);
    }

    /** The code of a MIDI file's first window; what reading it changed goes to {@code err}. */
    static double[] code(LatentModel latent, Path file, PrintWriter err) throws IOException {
        NoteSequence score = MidiReader.read(file).sequence();
        return latent.encode(score, file.toString(), line -> err.println("muse4j: " + line));
    }

    /**
     * Writes windows: one after another in {@code out}, or with {@code split} each in its own file (OUT-1.mid ...
     * OUT-N.mid); prints the files written.
     */
    static void write(LatentModel latent, List<NoteSequence> windows, Path out, boolean split, PrintWriter stdout)
            throws IOException {
        if (!split || windows.size() == 1) {
            MidiWriter.write(latent.joined(windows), out);
            stdout.println(out);
            return;
        }
        for (int i = 0; i < windows.size(); i++) {
            Path target = DecodeCommand.numbered(out, i + 1);
            MidiWriter.write(windows.get(i), target);
            stdout.println(target);
        }
    }
}
