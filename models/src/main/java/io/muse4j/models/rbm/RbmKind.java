package io.muse4j.models.rbm;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.kind.TokenOptions;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.nn.Bernoulli;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The restricted Boltzmann machine as a model kind: trained on piano-roll frames by contrastive divergence,
 * generating chords (each frame an independent draw, by block Gibbs sampling from a random start), and evaluated by
 * its NLL per frame with the partition function estimated by {@link Ais}.
 */
public final class RbmKind implements ModelKind {
    /** Frames a piece has when no length is asked for: 2 bars of 4/4 in sixteenths. */
    private static final int DEFAULT_FRAMES = 32;
    /** Gibbs steps before a generated frame is taken. */
    private static final int BURN_IN = 1000;
    /** AIS runs and intermediate distributions of {@code eval}. */
    static final int AIS_RUNS = 100;
    static final int AIS_TEMPERATURES = 10_000;

    private static final List<Setting> SETTINGS = List.of(
            Setting.integer("--hidden", 150, "Hidden units.").within(1, 1 << 14),
            Setting.integer("--cd-k", 1, "Gibbs steps of each negative phase (the k of CD-k).").within(1, 1000),
            Setting.flag("--persistent", "Persistent contrastive divergence (Tieleman 2008): the negative phase "
                    + "continues chains carried from batch to batch."));

    @Override
    public String name() {
        return Rbm.KIND;
    }

    @Override
    public String summary() {
        return "Restricted Boltzmann machine over piano-roll frames (Hinton 2002): chords by Gibbs sampling, NLL by AIS";
    }

    @Override
    public boolean reads(String fileKind) {
        return Rbm.KIND.equals(fileKind);
    }

    @Override
    public Rbm rebuild(ModelFile.Header header) {
        Map<String, Number> config = header.config();
        return new Rbm(config.get("visible").intValue(), config.get("hidden").intValue(), 0, DataType.FLOAT);
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
        RbmTraining.Request rbm = RequestException.checked(() -> new RbmTraining.Request(request.data(),
                s.integer("--hidden"), s.integer("--cd-k"), s.flag("--persistent"), request.batch(),
                request.trainer(), request.seed(), request.out()));
        Trainer.Result result = RbmTraining.run(rbm, request.resume(), request.log());
        return new TrainingOutcome(result, "training", "pseudo-NLL", " nats per frame");
    }

    /** --steps frames (32 by default), each drawn on its own, seeded per piece. */
    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws IOException {
        Rbm rbm = saved.as(Rbm.class, "an rbm model");
        String which = saved.name() + " is an rbm model";
        if (request.chords() != null) {
            throw new RequestException("--chords needs a chord-conditioned model; " + which);
        }
        if (request.length().bars() != null || request.length().whole()) {
            throw new RequestException((request.length().whole() ? "--whole" : "--bars") + " is for models of "
                    + "music in time; " + which + " (its frames are independent): give --steps, the frames to draw");
        }
        TokenOptions.refuse(request, which, false);
        int frames = request.length().steps() != null ? request.length().steps() : DEFAULT_FRAMES;
        PianoRollCodec codec = saved.encoding().rolls();
        long seed = request.sampling().seed();
        // chains start from silence, near the sparse frames CD trains the model on, not among its spurious dense modes
        return i -> codec.decode(roll(rbm.gibbs(Nd4j.zeros(DataType.FLOAT, frames, rbm.visible()), BURN_IN,
                new Random(seed + i - 1))));
    }

    @Override
    public Evaluation evaluate(SavedModel saved, EvaluationRequest request) throws IOException {
        Rbm rbm = saved.as(Rbm.class, "an rbm model");
        List<NoteSequence> scores = request.pieces(saved.training(), saved.encoding().rolls()).stream()
                .map(CorpusItem::score).toList();
        INDArray frames = RbmTraining.frames(saved.encoding().rolls(), scores);
        if (frames.rows() == 0) {
            throw new RequestException(request.corpus() + ": no frames to evaluate on");
        }
        double meanFreeEnergy = Arrays.stream(rbm.freeEnergies(frames)).average().orElseThrow();
        Ais.Estimate z = Ais.logPartition(rbm, Bernoulli.logOdds(frames), AIS_RUNS, AIS_TEMPERATURES, 1);
        double nll = meanFreeEnergy + z.logZ();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("targets", frames.rows());
        values.put("nll", nll);
        values.put("nllUnit", "nats per frame");
        values.put("nllEstimator", "AIS");
        values.put("aisRuns", z.runs());
        values.put("aisTemperatures", z.temperatures());
        values.put("logZ", z.logZ());
        values.put("logZLow", z.logZLow());
        values.put("logZHigh", z.logZHigh());
        values.put("pseudoNll", rbm.pseudoNll(frames));
        String text = String.format(Locale.ROOT, "NLL %.4f nats per frame, an AIS estimate (%d runs, %,d "
                + "temperatures; log Z %.3f, %.3f to %.3f at 3 standard errors); pseudo-NLL %.4f", nll, z.runs(),
                z.temperatures(), z.logZ(), z.logZLow(), z.logZHigh(), values.get("pseudoNll"));
        return new Evaluation(scores.size(), frames.rows() + " frames scored", text, values);
    }

    /** Frames of 88 keys, 1 for sounding, as a piano roll of pitches. */
    private static PianoRoll roll(INDArray frames) {
        double[][] keys = frames.castTo(DataType.DOUBLE).toDoubleMatrix();
        int[][] pitches = new int[keys.length][];
        for (int f = 0; f < keys.length; f++) {
            double[] frame = keys[f];
            pitches[f] = IntStream.range(0, frame.length).filter(k -> frame[k] > 0.5)
                    .map(k -> k + PianoRollCodec.LOWEST_PITCH).toArray();
        }
        return new PianoRoll(pitches);
    }
}
