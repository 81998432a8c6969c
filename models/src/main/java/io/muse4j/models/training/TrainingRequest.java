package io.muse4j.models.training;

import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRollCodec;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every training run is given, whatever the kind of model: the data, the trainer's schedule, the seed and
 * where the model goes. A kind's own settings come beside it.
 *
 * @param data where the pieces come from and how they are split and augmented
 * @param trainer the trainer's schedule
 * @param batch sequences (or windows, or bars) per batch
 * @param seed seeds the split, the batch order, dropout and the initial weights
 * @param out the model file; the checkpoint and CSV log go beside it
 * @param resume whether to continue from the checkpoint
 * @param log where progress goes (standard error for the command line)
 */
public record TrainingRequest(Data data, TrainerConfig trainer, int batch, long seed, Path out, boolean resume,
                              PrintStream log) {
    /**
     * The corpus and what is done to it before batching.
     *
     * @param corpus a MIDI folder, list file or MIDI file, or a piano-roll JSON split file
     * @param encoding the encoding; null for a kind that takes none
     * @param rolls decodes piano-roll JSON corpora
     * @param validFraction share of pieces held out for validation when the corpus has no validation split
     * @param transpose augment by every transposition up to this many semitones
     * @param trainOnValid whether the validation pieces are trained on too (a final model, its steps chosen on a run
     *                     without them); validation still scores them, so it measures fit, not generalisation
     */
    public record Data(Path corpus, EncodingSpec encoding, PianoRollCodec rolls, double validFraction,
                       int transpose, boolean trainOnValid) {
        /** Data whose validation pieces are held out. */
        public Data(Path corpus, EncodingSpec encoding, PianoRollCodec rolls, double validFraction, int transpose) {
            this(corpus, encoding, rolls, validFraction, transpose, false);
        }
    }
}
