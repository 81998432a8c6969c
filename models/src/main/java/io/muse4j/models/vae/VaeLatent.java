package io.muse4j.models.vae;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.corpora.batch.MelodyWindows;
import io.muse4j.models.kind.LatentModel;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A MusicVAE's latent space: melody windows of its tokenizer, z drawn from N(0, I), a piece's code the posterior
 * mean of its first window.
 *
 * @param saved the MusicVAE
 */
public record VaeLatent(SavedVae saved) implements LatentModel {
    @Override
    public int size() {
        return saved.model().config().latent();
    }

    @Override
    public double[][] prior(int count, Random random) {
        double[][] z = new double[count][size()];
        for (double[] row : z) {
            for (int d = 0; d < row.length; d++) {
                row[d] = random.nextGaussian();
            }
        }
        return z;
    }

    @Override
    public double[] encode(NoteSequence piece, String name, Consumer<String> notices) {
        return saved.model().encode(new int[][] {window(piece, name, notices)})[0];
    }

    /**
     * The first window of a piece's melody. A polyphonic piece's highest voice is taken, and {@code notices} hears
     * how many notes that dropped; a melody shorter than a window fails naming the piece and the lengths.
     */
    public int[] window(NoteSequence piece, String name, Consumer<String> notices) {
        int dropped = MelodyWindows.droppedByExtraction(piece);
        if (dropped > 0) {
            notices.accept(name + " is not monophonic: melody extraction kept its highest voice, dropping " + dropped
                    + " of " + piece.notes().size() + " notes");
        }
        return new MelodyWindows(saved.tokenizer(), saved.model().config().bars(),
                saved.model().config().stepsPerBar()).first(piece, name);
    }

    @Override
    public List<NoteSequence> decode(double[][] codes, double temperature, long seed) {
        return melodies(saved.model().decode(codes, temperature, seed));
    }

    /** Token windows as melodies. */
    public List<NoteSequence> melodies(int[][] windows) {
        MelodyTokenizer tokenizer = saved.tokenizer();
        return Arrays.stream(windows).map(tokenizer::decode).toList();
    }

    @Override
    public int windowSteps() {
        return saved.model().config().bars() * saved.model().config().stepsPerBar();
    }

    @Override
    public int stepsPerQuarter() {
        return saved.stepsPerQuarter();
    }
}
