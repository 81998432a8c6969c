package io.muse4j.models.deepbach;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.corpora.FourPartChorales;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.HarmonyRequest;
import io.muse4j.models.kind.InfillRequest;
import io.muse4j.models.kind.NamedKind;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Setting;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.kind.TrainingOutcome;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainingRequest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DeepBach as a model kind: trained on four-part chorales, it regenerates any span and voices of a chorale by
 * pseudo-Gibbs sampling ({@code muse4j infill}), harmonises a melody (the three lower parts regenerated whole) and
 * is evaluated by the cross-entropy of each real part's symbol given all the others.
 */
public final class DeepBachKind extends NamedKind {
    private static final List<Setting> SETTINGS = List.of(
            Setting.integer("--context", 16, "Grid steps read on each side of a note (16: a 4/4 bar of sixteenths).")
                    .within(0, 256),
            Setting.integer("--hidden", 256, "Hidden units of each part's network.").within(1, 1 << 14),
            Setting.real("--dropout", 0.3, "Share of hidden units dropped in training.").within(0, 0.95));

    /** The kind, registered once in {@code ModelKinds}. */
    public DeepBachKind() {
        super(DeepBach.KIND, "DeepBach (Hadjeres et al. 2017): each chorale part given its neighbourhood; "
                + "regenerates spans and voices by pseudo-Gibbs sampling", SETTINGS);
    }

    @Override
    public DeepBach rebuild(ModelFile.Header header) {
        return DeepBach.of(header.config());
    }

    @Override
    public TrainingOutcome train(TrainingRequest request, Settings s) throws IOException {
        DeepBachTraining.Request deepBach = RequestException.checked(() -> new DeepBachTraining.Request(
                request.data(), s.integer("--context"), s.integer("--hidden"), s.real("--dropout"), request.batch(),
                request.trainer(), request.seed(), request.out()));
        Trainer.Result result = DeepBachTraining.run(deepBach, request.resume(), request.log());
        return new TrainingOutcome(result, "training", "NLL", " nats per part step");
    }

    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws IOException {
        throw new RequestException(saved.name() + " is a deepbach model, which regenerates parts of a chorale: use "
                + "muse4j infill PIECE.mid --bars 5-8 --model " + saved.name() + ", or muse4j harmonize");
    }

    @Override
    public List<Note> harmonize(SavedModel saved, NoteSequence melody, HarmonyRequest request) throws IOException {
        return saved.as(DeepBach.class, "a deepbach model").harmonize(melody, request);
    }

    @Override
    public List<Note> infill(SavedModel saved, NoteSequence piece, InfillRequest request) throws IOException {
        return saved.as(DeepBach.class, "a deepbach model").infill(piece, request);
    }

    @Override
    public Evaluation evaluate(SavedModel saved, EvaluationRequest request) throws IOException {
        DeepBach model = saved.as(DeepBach.class, "a deepbach model");
        PianoRollCodec codec = new EncodingSpec.PianoRoll(model.stepsPerQuarter()).codec();
        List<VoiceRoll> chorales = FourPartChorales.rolls(request.pieces(saved.training(), codec),
                model.stepsPerQuarter());
        List<int[][]> grids = DeepBachTraining.grids(chorales, model.parts());
        List<int[]> cells = DeepBachTraining.cells(grids);
        if (cells.isEmpty()) {
            throw new RequestException(request.corpus() + ": holds no chorale steps to score");
        }
        double nll = 0;
        long notes = 0;
        for (DeepBachTraining.Batch batch : DeepBachTraining.chunks(model, grids, cells)) {
            for (int part = 1; part < ChoraleParts.COUNT; part++) {
                int[] targets = batch.targets()[part];
                nll += model.loss(part, batch.inputs()[part], targets) * targets.length;
                int rest = model.parts().rest(part);
                for (int symbol : targets) {
                    notes += symbol < rest ? 1 : 0;
                }
            }
        }
        long scored = (long) cells.size() * (ChoraleParts.COUNT - 1);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("targets", scored);
        values.put("nll", nll / scored);
        values.put("nllUnit", "nats per part step");
        values.put("notes", notes);
        values.put("nllPerNote", nll / notes);
        String text = String.format(Locale.ROOT, "NLL %.4f nats per part step, %.3f per note (alto, tenor and bass "
                + "at each grid step, each given every other part and step: a pseudo-likelihood, %,d notes)",
                nll / scored, nll / notes, notes);
        return new Evaluation(chorales.size(), scored + " part steps scored", text, values);
    }
}
