package io.muse4j.models.deephear;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.corpora.FourPartChorales;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.LatentModel;
import io.muse4j.models.kind.NamedKind;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Setting;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.kind.TokenOptions;
import io.muse4j.models.kind.TrainingOutcome;
import io.muse4j.models.nn.PartSoftmax;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.training.RollWindows;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainingRequest;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * DeepHear as a model kind: trained on four-part chorales, it generates windows from random codes
 * ({@code generate}, {@code sample}), interpolates between two chorales' codes, and is evaluated by how well it
 * reconstructs the windows of a split.
 */
public final class DeepHearKind extends NamedKind {
    /** Windows evaluated at a time. */
    private static final int CHUNK = 256;
    private static final List<Setting> SETTINGS = List.of(
            Setting.integer("--window", 64, "Grid steps a window spans (64: four 4/4 bars of sixteenths).")
                    .within(1, 1024),
            Setting.integer("--hidden", 512, "Units of the first hidden layer; each further layer has half as many.")
                    .within(1, 1 << 14),
            Setting.integer("--layers", 2, "Hidden layers between the window and the code.").within(0, 8),
            Setting.integer("--code", 16, "Units of the code that generation draws at random.").within(1, 4096),
            Setting.integer("--pretrain", 300, "Steps of each layer's pretraining as an autoencoder of the one "
                    + "below, before the steps left fine-tune the whole stack (0: no pretraining).")
                    .within(0, 10_000_000));

    /** The kind, registered once in {@code ModelKinds}. */
    public DeepHearKind() {
        super(DeepHear.KIND, "DeepHear / auto-bach (Sun 2016; Briot et al. 2019): a stacked autoencoder over "
                + "chorale windows that generates by decoding random codes", SETTINGS);
    }

    @Override
    public DeepHear rebuild(ModelFile.Header header) {
        return DeepHear.of(header.config());
    }

    @Override
    public TrainingOutcome train(TrainingRequest request, Settings s) throws IOException {
        DeepHearTraining.Request deepHear = RequestException.checked(() -> new DeepHearTraining.Request(
                request.data(), s.integer("--window"), s.integer("--hidden"), s.integer("--layers"),
                s.integer("--code"), s.integer("--pretrain"), request.batch(), request.trainer(), request.seed(),
                request.out()));
        Trainer.Result result = DeepHearTraining.run(deepHear, request.resume(), request.log());
        return new TrainingOutcome(result, "training", "reconstruction NLL", " nats per part step");
    }

    /**
     * A window a piece, decoded from a code drawn from the prior, seeded per piece; the likeliest symbols unless
     * --temperature is given. --steps or --bars (of 4/4) cut it shorter.
     */
    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws IOException {
        DeepHear model = saved.as(DeepHear.class, "a deephear model");
        DeepHearLatent latent = new DeepHearLatent(model);
        int window = latent.windowSteps();
        String which = saved.name() + " is a deephear model, which decodes random codes to windows of " + window
                + " grid steps";
        if (request.chords() != null || request.length().whole()) {
            throw new RequestException((request.chords() != null ? "--chords" : "--whole") + " is not for it: "
                    + which);
        }
        TokenOptions.refuse(request, which, false, true);
        int steps = steps(request.length(), latent.stepsPerQuarter(), window);
        Double given = request.sampling().temperature();
        double temperature = given == null ? 0 : given;
        RequestException.checked(() -> new Sampler(temperature, 0, 1, 0));
        long seed = request.sampling().seed();
        return i -> {
            long pieceSeed = Seeds.mix(seed, i);
            double[][] code = latent.prior(1, new Random(pieceSeed));
            int[][] grid = model.grids(code, new Sampler(temperature, 0, 1, pieceSeed))[0];
            return latent.score(Arrays.copyOf(grid, steps));
        };
    }

    /** The grid steps asked for: --steps, or --bars of 4/4; a whole window when neither is given. */
    private static int steps(GenerationRequest.Length length, int stepsPerQuarter, int window) {
        if (length.steps() != null) {
            if (length.steps() < 1 || length.steps() > window) {
                throw new RequestException("--steps " + length.steps() + " must be between 1 and " + window
                        + " (the model's window)");
            }
            return length.steps();
        }
        if (length.bars() == null) {
            return window;
        }
        int barSteps = 4 * stepsPerQuarter;
        int most = window / barSteps;
        if (most == 0) {
            throw new RequestException("--bars is not for a window of " + window + " grid steps, shorter than a "
                    + "bar of 4/4: give --steps");
        }
        if (length.bars() < 1 || length.bars() > most) {
            throw new RequestException("--bars " + length.bars() + " must be at most " + most + (most == 1 ? " bar"
                    : " bars") + " of 4/4 (the model's window of " + window + " grid steps)");
        }
        return length.bars() * barSteps;
    }

    @Override
    public LatentModel latent(SavedModel saved) throws IOException {
        return new DeepHearLatent(saved.as(DeepHear.class, "a deephear model"));
    }

    @Override
    public Evaluation evaluate(SavedModel saved, EvaluationRequest request) throws IOException {
        DeepHear model = saved.as(DeepHear.class, "a deephear model");
        int stepsPerQuarter = model.shape().stepsPerQuarter();
        PianoRollCodec grid = new EncodingSpec.PianoRoll(stepsPerQuarter).codec();
        List<VoiceRoll> chorales = FourPartChorales.rolls(request.pieces(saved.training(), grid), stepsPerQuarter);
        int window = model.shape().window();
        List<VoiceRoll> windows = RollWindows.of(chorales, RollWindows.VOICES, window, window);
        if (windows.isEmpty()) {
            throw new RequestException(request.corpus() + ": no chorale spans a window of " + model.shape().window()
                    + " steps");
        }
        double nll = 0;
        long right = 0;
        for (int from = 0; from < windows.size(); from += CHUNK) {
            DeepHearTraining.Batch batch = DeepHearTraining.Batch.of(model, windows.subList(from,
                    Math.min(windows.size(), from + CHUNK)));
            INDArray[] p = model.decode(model.encode(batch.input()));
            nll += PartSoftmax.crossEntropy(p, batch.targets(), model.shape().window(), null) * batch.windows();
            right += likeliestRight(p, batch.targets());
        }
        nll /= windows.size();
        long scored = (long) windows.size() * model.shape().window() * ChoraleParts.COUNT;
        double accuracy = (double) right / scored;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("targets", scored);
        values.put("reconstructionNll", nll);
        values.put("nllUnit", "nats per part step");
        values.put("reconstructionAccuracy", accuracy);
        String text = String.format(Locale.ROOT, "reconstruction NLL %.4f nats per part step, %.1f%% of part steps "
                + "reconstructed exactly (%,d whole windows of %d steps through the code of %d units; not a "
                + "likelihood of the music)", nll, 100 * accuracy, windows.size(), model.shape().window(),
                model.shape().code());
        return new Evaluation(chorales.size(), scored + " part steps scored", text, values);
    }

    /** The part steps whose likeliest symbol is the real one. */
    private static long likeliestRight(INDArray[] p, int[][] targets) {
        long right = 0;
        for (int part = 0; part < p.length; part++) {
            long[] likeliest = p[part].argMax(1).toLongVector();
            for (int row = 0; row < likeliest.length; row++) {
                right += likeliest[row] == targets[part][row] ? 1 : 0;
            }
        }
        return right;
    }
}
