package io.muse4j.models.kind;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.file.StoredModel;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.TrainingRequest;

import java.io.IOException;
import java.util.List;

/**
 * One kind of model, as the rest of muse4j sees it: the options it trains with, how it trains, how a model file of
 * it is rebuilt, how it generates and how it is evaluated. Every kind is listed once, in
 * {@code io.muse4j.models.ModelKinds}; the trainer, the model file and the commands know no kind by name.
 */
public interface ModelKind {
    /** The name users give ({@code train NAME}): lower case, no spaces. */
    String name();

    /** One line for help: what the model is, after which paper. */
    String summary();

    /** Whether this kind reads model files whose header names {@code fileKind} (such as {@code token-lstm}). */
    boolean reads(String fileKind);

    /** The model a file's header describes, with fresh weights for the file's to replace. */
    StoredModel rebuild(ModelFile.Header header);

    /** The training options only this kind takes, beyond those of every {@link TrainingRequest}. */
    List<Setting> settings();

    /** Whether the kind trains on a token or piano-roll encoding, chosen with {@code --encoding}. */
    boolean takesEncoding();

    /** Trains a model as asked and saves it; {@code settings} holds a value for each of {@link #settings()}. */
    TrainingOutcome train(TrainingRequest request, Settings settings) throws IOException;

    /**
     * The pieces a saved model of this kind writes for a request. A request asking for what this kind cannot do
     * (a primer for a model that takes none, chords for an unconditioned one) is an
     * {@link IllegalArgumentException} naming the option.
     */
    Pieces generate(SavedModel saved, GenerationRequest request) throws IOException;

    /**
     * The pieces a saved model of this kind writes for a request under an imposed {@link Structure}, honoured
     * exactly: bars of the form's letters repeated, every note in the key. A kind that cannot impose structure throws
     * a {@link RequestException} saying what can.
     */
    default Pieces generate(SavedModel saved, GenerationRequest request, Structure structure) throws IOException {
        throw new RequestException(saved.name() + " is a " + name() + " model, which does not generate under an "
                + "imposed form or key (--form, --key); use a crbm model");
    }

    /**
     * The parts a saved model of this kind writes below a melody (one voice, on track 0): notes on tracks 1, 2, ...
     * in the melody's ticks ({@link Harmonization} puts them together). A kind that does not harmonise throws a
     * {@link RequestException} saying what does.
     */
    default List<Note> harmonize(SavedModel saved, NoteSequence melody, HarmonyRequest request) throws IOException {
        throw new RequestException(saved.name() + " is a " + name() + " model, which does not harmonise a melody; "
                + "use a harmoniser (a minibach, deepbach or anticipation model)");
    }

    /**
     * The notes a saved model of this kind writes into a span of a piece ({@link Infill} keeps the rest): the piece's
     * voices are on tracks 0, 1, ... in order; the notes returned are on the request's voices' tracks and within its
     * span, cut at its edges. A kind that does not fill in throws a {@link RequestException} saying what does.
     */
    default List<Note> infill(SavedModel saved, NoteSequence piece, InfillRequest request) throws IOException {
        throw new RequestException(saved.name() + " is a " + name() + " model, which does not regenerate a span; "
                + "use a deepbach or anticipation model");
    }

    /**
     * The latent space of a saved model of this kind, which {@code sample} and {@code interpolate} decode. A kind
     * without one throws a {@link RequestException} saying what has one.
     */
    default LatentModel latent(SavedModel saved) throws IOException {
        throw new RequestException(saved.name() + " is a " + name() + " model, which has no latent space to sample "
                + "or interpolate; use a vae or deephear model");
    }

    /** How well a saved model of this kind predicts the pieces of a corpus split. */
    Evaluation evaluate(SavedModel saved, EvaluationRequest request) throws IOException;
}
