package io.muse4j.models.kind;

import io.muse4j.core.token.EncodingSpec;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.file.ModelFileException;
import io.muse4j.models.file.StoredModel;
import io.muse4j.models.training.Provenance;

import java.io.IOException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model as a file holds it, with the kind that rebuilt it.
 *
 * @param kind the kind of model, which generates and evaluates with it
 * @param model the model, rebuilt and holding the saved weights
 * @param contents the file's entries and header: tokenizer spec, vocabulary, training record, library version
 */
public record SavedModel(ModelKind kind, StoredModel model, ModelFile.Contents contents) {
    /** The encoding the model was trained on; fields the file spells wrong are an error naming the file. */
    public EncodingSpec encoding() throws ModelFileException {
        try {
            return EncodingSpec.of(contents.header().tokenizer());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name(), "bad tokenizer in the header: " + e.getMessage());
        }
    }

    /** The names of the token ids the model was trained on. */
    public List<String> vocabulary() {
        return contents.header().vocabulary();
    }

    /** What the trainer recorded: corpus, steps, validation loss... */
    public Map<String, String> training() {
        return contents.header().training();
    }

    /** The muse4j version that wrote the file. */
    public String libraryVersion() {
        return contents.header().libraryVersion();
    }

    /** Where the model came from; empty for files written before muse4j recorded it. */
    public Optional<Provenance> provenance() throws IOException {
        byte[] json = contents.entries().get(Provenance.ENTRY);
        return json == null ? Optional.empty() : Optional.of(Provenance.fromJson(json, name()));
    }

    /** The name the file goes by in messages. */
    public String name() {
        return contents.name();
    }

    /** The model as the type a caller needs; fails, naming the file and the kind it holds, when it is not one. */
    public <M> M as(Class<M> type, String needed) throws ModelFileException {
        if (type.isInstance(model)) {
            return type.cast(model);
        }
        throw new ModelFileException(name(), "is a " + model.kind() + " model; this needs " + needed);
    }
}
