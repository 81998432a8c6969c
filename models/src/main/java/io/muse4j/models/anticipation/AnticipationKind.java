package io.muse4j.models.anticipation;

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
 * Anticipation-RNN as a model kind: trained on four-part chorales with constraints, it harmonises a melody (the
 * soprano as constraints, the lower parts drawn left to right) and regenerates a span of some voices of a chorale
 * (everything else as constraints); it is evaluated by the likelihood of the real alto, tenor and bass given the
 * soprano.
 */
public final class AnticipationKind extends NamedKind {
    private static final List<Setting> SETTINGS = List.of(
            Setting.integer("--window", 64, "Grid steps of each training window (64: four 4/4 bars of sixteenths).")
                    .within(1, 4096),
            Setting.integer("--hidden", 256, "Units of each LSTM layer.").within(1, 1 << 14),
            Setting.integer("--layers", 2, "Layers of each LSTM (the token LSTM and the constraint LSTM).")
                    .within(1, 8),
            Setting.real("--dropout", 0.2, "Share of each layer's outputs dropped in training.").within(0, 0.95));

    /** The kind, registered once in {@code ModelKinds}. */
    public AnticipationKind() {
        super(AnticipationRnn.KIND, "Anticipation-RNN (Hadjeres & Nielsen 2017): chorales drawn left to right "
                + "under constraints read backwards; harmonises melodies and regenerates spans", SETTINGS);
    }

    @Override
    public AnticipationRnn rebuild(ModelFile.Header header) {
        return AnticipationRnn.of(header.config());
    }

    @Override
    public TrainingOutcome train(TrainingRequest request, Settings s) throws IOException {
        AnticipationTraining.Request anticipation = RequestException.checked(() -> new AnticipationTraining.Request(
                request.data(), s.integer("--window"), s.integer("--hidden"), s.integer("--layers"),
                s.real("--dropout"), request.batch(), request.trainer(), request.seed(), request.out()));
        Trainer.Result result = AnticipationTraining.run(anticipation, request.resume(), request.log());
        return new TrainingOutcome(result, "training", "NLL", " nats per token (validation: alto, tenor and bass "
                + "given the soprano)");
    }

    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws IOException {
        throw new RequestException(saved.name() + " is an anticipation model, which writes chorale parts under "
                + "constraints: use muse4j harmonize MELODY.mid --model " + saved.name() + ", or muse4j infill");
    }

    @Override
    public List<Note> harmonize(SavedModel saved, NoteSequence melody, HarmonyRequest request) throws IOException {
        return saved.as(AnticipationRnn.class, "an anticipation model").harmonize(melody, request);
    }

    @Override
    public List<Note> infill(SavedModel saved, NoteSequence piece, InfillRequest request) throws IOException {
        return saved.as(AnticipationRnn.class, "an anticipation model").infill(piece, request);
    }

    @Override
    public Evaluation evaluate(SavedModel saved, EvaluationRequest request) throws IOException {
        AnticipationRnn model = saved.as(AnticipationRnn.class, "an anticipation model");
        int grid = model.stepsPerQuarter();
        PianoRollCodec codec = new EncodingSpec.PianoRoll(grid).codec();
        List<VoiceRoll> chorales = FourPartChorales.rolls(request.pieces(saved.training(), codec), grid);
        double nll = 0;
        long scored = 0;
        long notes = 0;
        for (int[][] symbols : AnticipationTraining.grids(chorales, model.parts(), 1)) {
            Windows whole = AnticipationTraining.windows(model, List.<int[][]>of(symbols),
                    List.<int[]>of(new int[] {0, 0}), List.<boolean[][]>of(ConstraintMasks.soprano(symbols.length)),
                    symbols.length);
            AnticipationTraining.Unconstrained lower = AnticipationTraining.Unconstrained.of(
                    model.logLikelihoods(whole), whole);
            nll -= lower.logLikelihood();
            scored += lower.positions();
            for (int[] step : symbols) {
                for (int p = 1; p < ChoraleParts.COUNT; p++) {
                    notes += step[p] < model.parts().rest(p) ? 1 : 0;
                }
            }
        }
        if (scored == 0) {
            throw new RequestException(request.corpus() + ": holds no chorale steps to score");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("targets", scored);
        values.put("nll", nll / scored);
        values.put("nllUnit", "nats per part step");
        values.put("notes", notes);
        values.put("nllPerNote", nll / notes);
        String text = String.format(Locale.ROOT, "NLL %.4f nats per part step, %.3f per note (alto, tenor and bass "
                + "given the soprano, left to right: %,d notes)", nll / scored, nll / notes, notes);
        return new Evaluation(chorales.size(), scored + " part steps scored", text, values);
    }
}
