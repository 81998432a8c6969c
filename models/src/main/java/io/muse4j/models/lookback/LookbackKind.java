package io.muse4j.models.lookback;

import io.muse4j.core.token.EncodingSpec;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.ModelKind;
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

/** Magenta's Lookback RNN: a melody LSTM that sees one and two bars back and may choose to repeat them. */
public final class LookbackKind implements ModelKind {
    /** Windows scored at a time by {@link #evaluate}. */
    private static final int EVALUATION_BATCH = 16;
    private static final List<Setting> SETTINGS = List.of(
            Setting.integer("--layers", 2, "LSTM layers.").within(1, 16),
            Setting.integer("--hidden", 128, "LSTM units per layer.").within(1, 1 << 14),
            Setting.real("--dropout", 0.5, "Dropout after each LSTM layer while training.")
                    .within(0, Math.nextDown(1.0)),
            Setting.integer("--seq-len", 128, "Sixteenths per training window, a whole number of 16-step bars.")
                    .within(16, 1 << 14));

    @Override
    public String name() {
        return "lookback";
    }

    @Override
    public String summary() {
        return "Lookback RNN: melody LSTM with 1- and 2-bar lookback inputs and repeat labels (Magenta, Waite 2016)";
    }

    @Override
    public boolean reads(String fileKind) {
        return fileKind.equals(LookbackRnn.KIND);
    }

    @Override
    public LookbackRnn rebuild(ModelFile.Header header) {
        return new LookbackRnn(LookbackConfig.of(header.config()), 0);
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    @Override
    public boolean takesEncoding() {
        return false;
    }

    @Override
    public TrainingOutcome train(TrainingRequest request, Settings s) throws IOException {
        LookbackTraining.Request lookback = RequestException.checked(() -> new LookbackTraining.Request(
                request.data(), new LookbackConfig(LookbackTraining.MELODY.codec().vocabulary().size(),
                s.integer("--hidden"), s.integer("--layers"), s.real("--dropout")), request.batch(),
                s.integer("--seq-len"), request.trainer(), request.seed(), request.out()));
        Trainer.Result result = LookbackTraining.run(lookback, request.resume(), request.log());
        return new TrainingOutcome(result, "training", "NLL", " nats per step");
    }

    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws IOException {
        return LookbackGeneration.pieces(saved, request);
    }

    /** The NLL per step and next-step accuracy over the split's 4/4 pieces, in windows of the training length. */
    @Override
    public Evaluation evaluate(SavedModel saved, EvaluationRequest request) throws IOException {
        LookbackRnn model = saved.as(LookbackRnn.class, "a lookback model");
        EncodingSpec melody = saved.encoding();
        int steps = Integer.parseInt(saved.training().getOrDefault("sequenceLength", "128"));
        var pieces = LookbackTraining.commonTime(request.pieces(saved.training(), melody.rolls()));
        LookbackData data = new LookbackData(model.encoding(),
                LookbackTraining.melodies(melody, pieces.stream().map(io.muse4j.corpora.CorpusItem::score)));
        if (data.pieces() == 0) {
            throw new RequestException(request.corpus() + ": no piece of the " + request.split().name()
                    .toLowerCase(Locale.ROOT) + " split is in 4/4 with a melody to score");
        }
        LookbackRnn.Evaluation total = new LookbackRnn.Evaluation(0, 0, 0);
        for (TokenBatches.Batch windows : new TokenBatches(data.references(), EVALUATION_BATCH, steps, 0).epoch()) {
            total = total.plus(model.evaluate(data.batch(windows)));
        }
        double nll = total.nll() / total.counted();
        double accuracy = (double) total.correct() / total.counted();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("targets", total.counted());
        values.put("nll", nll);
        values.put("nllUnit", "nats per step");
        values.put("accuracy", accuracy);
        values.put("accuracyKind", "next-step accuracy");
        return new Evaluation(data.pieces(), total.counted() + " steps scored (pieces in 4/4)",
                String.format(Locale.ROOT, "NLL %.4f nats per step, next-step accuracy %.4f", nll, accuracy), values);
    }
}
