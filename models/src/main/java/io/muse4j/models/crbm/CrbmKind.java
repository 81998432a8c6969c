package io.muse4j.models.crbm;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.NamedKind;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Setting;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.kind.Structure;
import io.muse4j.models.kind.TokenOptions;
import io.muse4j.models.kind.TrainingOutcome;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.RollWindows;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainingRequest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The convolutional RBM (Lattner et al. 2016) as a model kind: trained on windows of piano rolls, it generates rolls
 * of any length by annealed Gibbs sampling, under an imposed form and key where asked ({@link StructuredGibbs}), and
 * is evaluated by its pseudo-NLL a frame.
 */
public final class CrbmKind extends NamedKind {
    /** Gibbs sweeps of a generation. */
    static final int SWEEPS = 400;
    /** The longest roll generated, in steps (64 bars of sixteenths). */
    static final int MAX_STEPS = 1024;
    /** Frames of each window the evaluation's pseudo-NLL is estimated from. */
    private static final int EVAL_FRAMES = 32;
    /** Windows evaluated at a time. */
    private static final int CHUNK = 128;

    private static final List<Setting> SETTINGS = List.of(
            Setting.integer("--filters", 64, "Filters: hidden units at each position in time.").within(1, 4096),
            Setting.integer("--width", 16, "Grid steps a filter spans (16: a bar of 4/4 in sixteenths).")
                    .within(1, 256),
            Setting.integer("--window", 64, "Grid steps of the training windows.").within(1, 1024),
            Setting.integer("--cd-k", 1, "Gibbs steps of each negative phase (the k of CD-k).").within(1, 1000),
            Setting.flag("--persistent", "Persistent contrastive divergence (Tieleman 2008): the negative phase "
                    + "continues chains carried from batch to batch."));

    /** The kind, registered once in {@code ModelKinds}. */
    public CrbmKind() {
        super(ConvRbm.KIND, "C-RBM (Lattner et al. 2016): a convolutional RBM over piano rolls that generates under "
                + "an imposed form and key (generate --form, --key)", SETTINGS);
    }

    @Override
    public ConvRbm rebuild(ModelFile.Header header) {
        return ConvRbm.of(header.config());
    }

    @Override
    public TrainingOutcome train(TrainingRequest request, Settings s) throws IOException {
        ConvRbmTraining.Request crbm = RequestException.checked(() -> new ConvRbmTraining.Request(request.data(),
                s.integer("--filters"), s.integer("--width"), s.integer("--window"), s.integer("--cd-k"),
                s.flag("--persistent"), request.batch(), request.trainer(), request.seed(), request.out()));
        Trainer.Result result = ConvRbmTraining.run(crbm, request.resume(), request.log());
        return new TrainingOutcome(result, "training", "pseudo-NLL", " nats per frame");
    }

    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws IOException {
        return generate(saved, request, Structure.NONE);
    }

    /**
     * A roll a piece, seeded per piece: --steps, or --bars of 4/4 (by default the training window, or the form's
     * bars where longer), drawn by {@link StructuredGibbs}; --temperature is the last sweep's (0 for the likeliest).
     */
    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request, Structure structure) throws IOException {
        ConvRbm model = saved.as(ConvRbm.class, "a crbm model");
        PianoRollCodec codec = saved.encoding().rolls();
        String which = saved.name() + " is a crbm model, which draws whole rolls by Gibbs sampling";
        if (request.chords() != null || request.length().whole()) {
            throw new RequestException((request.chords() != null ? "--chords" : "--whole") + " is not for it: "
                    + which);
        }
        TokenOptions.refuse(request, which, false, true);
        int barSteps = 4 * codec.grid().stepsPerQuarter();
        int steps = steps(request.length(), model, barSteps, structure);
        Double given = request.sampling().temperature();
        double temperature = given == null ? 1 : given;
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new RequestException("--temperature " + given + " must be 0 or more");
        }
        StructuredGibbs gibbs = new StructuredGibbs(model, PianoRollCodec.LOWEST_PITCH);
        long seed = request.sampling().seed();
        return i -> codec.decode(roll(gibbs.draw(steps, barSteps, structure, SWEEPS, temperature,
                new Random(Seeds.mix(seed, i)))));
    }

    /** The steps asked for, checked against the filter width, the form and the longest roll. */
    private static int steps(GenerationRequest.Length length, ConvRbm model, int barSteps, Structure structure) {
        int formSteps = structure.formBars() * barSteps;
        int steps = length.steps() != null ? length.steps()
                : length.bars() != null ? length.bars() * barSteps
                : Math.max(model.window(), formSteps);
        String asked = length.steps() != null ? "--steps " + length.steps()
                : length.bars() != null ? "--bars " + length.bars()
                : formSteps > model.window() ? "--form's " + structure.formBars() + " bars" : "the model's window";
        if (steps < model.width() || steps > MAX_STEPS) {
            throw new RequestException(asked + " gives " + steps + " grid steps; a crbm model draws " + model.width()
                    + " (its filters' width) to " + MAX_STEPS);
        }
        if (steps < formSteps) {
            throw new RequestException("--form " + structure.form() + " spans " + structure.formBars() + " bars of "
                    + barSteps + " steps, longer than " + asked);
        }
        return steps;
    }

    @Override
    public Evaluation evaluate(SavedModel saved, EvaluationRequest request) throws IOException {
        ConvRbm model = saved.as(ConvRbm.class, "a crbm model");
        PianoRollCodec codec = saved.encoding().rolls();
        List<PianoRoll> rolls = ConvRbmTraining.rolls(codec, request.pieces(saved.training(), codec).stream()
                .map(CorpusItem::score).toList());
        List<PianoRoll> windows = RollWindows.of(rolls, RollWindows.FRAMES, model.window(), model.window());
        if (windows.isEmpty()) {
            throw new RequestException(request.corpus() + ": no piece spans a window of " + model.window() + " steps");
        }
        Random random = new Random(0);
        double total = 0;
        for (int from = 0; from < windows.size(); from += CHUNK) {
            List<PianoRoll> chunk = windows.subList(from, Math.min(windows.size(), from + CHUNK));
            total += model.pseudoNll(ConvRbmTraining.batch(chunk), EVAL_FRAMES, random) * chunk.size();
        }
        double pseudoNll = total / windows.size();
        long frames = (long) windows.size() * EVAL_FRAMES;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("targets", frames);
        values.put("pseudoNll", pseudoNll);
        values.put("nllUnit", "nats per frame");
        String text = String.format(Locale.ROOT, "pseudo-NLL %.4f nats per frame (estimated from %d frames of each "
                + "of %,d windows of %d steps; each key given the rest of its window)", pseudoNll, EVAL_FRAMES,
                windows.size(), model.window());
        return new Evaluation(rolls.size(), frames + " frames scored", text, values);
    }

    /** Units on, a row a step, as a piano roll of pitches. */
    private static PianoRoll roll(boolean[][] on) {
        int[][] pitches = new int[on.length][];
        for (int t = 0; t < on.length; t++) {
            boolean[] frame = on[t];
            pitches[t] = IntStream.range(0, frame.length).filter(k -> frame[k])
                    .map(k -> k + PianoRollCodec.LOWEST_PITCH).toArray();
        }
        return new PianoRoll(pitches);
    }
}
