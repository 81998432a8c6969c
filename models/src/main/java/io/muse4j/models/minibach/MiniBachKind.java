package io.muse4j.models.minibach;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.corpora.FourPartChorales;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.Harmonization;
import io.muse4j.models.kind.HarmonyRequest;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * mini-bach as a model kind: trained on four-part chorales, it harmonises a melody ({@code muse4j harmonize}) and
 * is evaluated by the cross-entropy of the real alto, tenor and bass given the soprano.
 */
public final class MiniBachKind extends NamedKind {
    private static final List<Setting> SETTINGS = List.of(
            Setting.integer("--window", 64, "Grid steps a window spans (64: four 4/4 bars of sixteenths).")
                    .within(1, 1024),
            Setting.integer("--hidden", 256, "Hidden units.").within(1, 1 << 14),
            Setting.real("--dropout", 0.3, "Share of hidden units dropped in training.").within(0, 0.95));

    /** The kind, registered once in {@code ModelKinds}. */
    public MiniBachKind() {
        super(MiniBach.KIND, "mini-bach (Briot et al. 2019): a feedforward harmoniser from a soprano window to "
                + "alto, tenor and bass", SETTINGS);
    }

    @Override
    public MiniBach rebuild(ModelFile.Header header) {
        return MiniBach.of(header.config());
    }

    @Override
    public TrainingOutcome train(TrainingRequest request, Settings s) throws IOException {
        MiniBachTraining.Request miniBach = RequestException.checked(() -> new MiniBachTraining.Request(
                request.data(), s.integer("--window"), s.integer("--hidden"), s.real("--dropout"), request.batch(),
                request.trainer(), request.seed(), request.out()));
        Trainer.Result result = MiniBachTraining.run(miniBach, request.resume(), request.log());
        return new TrainingOutcome(result, "training", "NLL", " nats per part step");
    }

    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws IOException {
        throw new RequestException(saved.name() + " is a minibach model, which harmonises a melody: use "
                + "muse4j harmonize MELODY.mid --model " + saved.name());
    }

    @Override
    public List<Note> harmonize(SavedModel saved, NoteSequence melody, HarmonyRequest request) throws IOException {
        MiniBach model = saved.as(MiniBach.class, "a minibach model");
        VoiceRoll line = VoiceRoll.of(melody, 1, model.stepsPerQuarter());
        VoiceRoll parts = MiniBachHarmony.harmonize(model, line,
                RequestException.checked(() -> request.sampling().sampler(0)), request.rules());
        return Harmonization.lowerParts(parts, melody, model.stepsPerQuarter());
    }

    @Override
    public Evaluation evaluate(SavedModel saved, EvaluationRequest request) throws IOException {
        MiniBach model = saved.as(MiniBach.class, "a minibach model");
        PianoRollCodec grid = new EncodingSpec.PianoRoll(model.stepsPerQuarter()).codec();
        List<VoiceRoll> chorales = FourPartChorales.rolls(request.pieces(saved.training(), grid),
                model.stepsPerQuarter());
        List<VoiceRoll> windows = MiniBachTraining.windows(chorales, model.window(), model.window());
        if (windows.isEmpty()) {
            throw new RequestException(request.corpus() + ": no chorale spans a window of " + model.window()
                    + " steps");
        }
        int[][] targets = model.targets(windows);
        double nll = model.loss(model.input(windows), targets);
        long scored = (long) windows.size() * model.window() * (ChoraleParts.COUNT - 1);
        long notes = 0;
        for (int part = 1; part < ChoraleParts.COUNT; part++) {
            int rest = model.parts().rest(part);
            notes += Arrays.stream(targets[part - 1]).filter(symbol -> symbol < rest).count();
        }
        double perNote = nll * scored / notes;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("targets", scored);
        values.put("nll", nll);
        values.put("nllUnit", "nats per part step");
        values.put("notes", notes);
        values.put("nllPerNote", perNote);
        String text = String.format(Locale.ROOT, "NLL %.4f nats per part step, %.3f per note (alto, tenor and bass "
                + "at each grid step of %d whole windows, %,d notes, the soprano given)", nll, perNote, windows.size(),
                notes);
        return new Evaluation(chorales.size(), scored + " part steps scored", text, values);
    }
}
