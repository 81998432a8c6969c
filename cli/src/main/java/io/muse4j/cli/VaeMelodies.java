package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.MidiWriter;
import io.muse4j.corpora.batch.MelodyWindows;
import io.muse4j.models.vae.SavedVae;
import io.muse4j.models.vae.VaeFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the MusicVAE commands share: loading the model, reading a melody window from MIDI, writing windows. */
final class VaeMelodies {
    private VaeMelodies() {
    }

    /** The MusicVAE in a model file. */
    static SavedVae load(String model) throws IOException {
        return VaeFile.load(Path.of(model));
    }

    /** The model's melody tokenizer. */
    static MelodyTokenizer tokenizer(SavedVae saved) {
        return saved.tokenizer();
    }

    /**
     * The first window of a MIDI file's melody. A polyphonic file's highest voice is taken, and {@code err} says
     * how many notes that dropped; a melody shorter than a window fails naming the file and the lengths.
     */
    static int[] window(SavedVae saved, Path file, PrintWriter err) throws IOException {
        NoteSequence score = MidiReader.read(file).sequence();
        int dropped = MelodyWindows.droppedByExtraction(score);
        if (dropped > 0) {
            err.println("muse4j: " + file + " is not monophonic: melody extraction kept its highest voice, dropping "
                    + dropped + " of " + score.notes().size() + " notes");
        }
        return new MelodyWindows(tokenizer(saved), saved.model().config().bars(),
                saved.model().config().stepsPerBar()).first(score, file.toString());
    }

    /**
     * Writes windows as melodies: one after another in {@code out}, or with {@code split} each in its own file
     * (OUT-1.mid ... OUT-N.mid); prints the files written.
     */
    static void write(SavedVae saved, int[][] windows, Path out, boolean split, PrintWriter stdout) throws IOException {
        MelodyTokenizer tokenizer = tokenizer(saved);
        if (!split || windows.length == 1) {
            MidiWriter.write(tokenizer.decode(joined(windows)), out);
            stdout.println(out);
            return;
        }
        for (int i = 0; i < windows.length; i++) {
            Path target = DecodeCommand.numbered(out, i + 1);
            MidiWriter.write(tokenizer.decode(windows[i]), target);
            stdout.println(target);
        }
    }

    /**
     * Windows one after another as one token sequence. A window that starts by holding (NO_EVENT) starts with a
     * rest instead, so that it does not lengthen the last note of the window before it.
     */
    static int[] joined(int[][] windows) {
        List<Integer> tokens = new ArrayList<>();
        for (int[] window : windows) {
            for (int t = 0; t < window.length; t++) {
                boolean heldAcross = t == 0 && window[0] == MelodyTokenizer.NO_EVENT && !tokens.isEmpty();
                tokens.add(heldAcross ? MelodyTokenizer.NOTE_OFF : window[t]);
            }
        }
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }
}
