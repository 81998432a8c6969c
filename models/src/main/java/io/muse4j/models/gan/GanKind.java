package io.muse4j.models.gan;

import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.NamedKind;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Setting;

import java.util.List;

/**
 * What the GAN kinds share: a model file names the kind as it is called, they train on notes or bars rather than
 * an encoding, and having no likelihood they are not evaluated by {@code eval} (their training log records how far
 * their samples' statistics are from the validation set's).
 */
public abstract class GanKind extends NamedKind {
    /** A GAN kind called {@code name} (also its model files' kind), with its settings in the order help lists them. */
    protected GanKind(String name, String summary, List<Setting> settings) {
        super(name, summary, settings);
    }

    @Override
    public final Evaluation evaluate(SavedModel saved, EvaluationRequest request) {
        throw new RequestException(saved.name() + " is a " + name() + " model: eval measures likelihood models; "
                + "its training log records the distance of its samples' statistics from the validation set's");
    }
}
