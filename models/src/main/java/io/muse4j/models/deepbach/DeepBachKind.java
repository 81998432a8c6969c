package io.muse4j.models.deepbach;

import io.muse4j.core.random.Seeds;
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
import io.muse4j.models.kind.Harmonization;
import io.muse4j.models.kind.HarmonyRequest;
import io.muse4j.models.kind.InfillRequest;
import io.muse4j.models.kind.ModelKind;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Setting;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.kind.TrainingOutcome;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainingRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DeepBach as a model kind: trained on four-part chorales, it regenerates any span and voices of a chorale by
 * pseudo-Gibbs sampling ({@code muse4j infill}), harmonises a melody (the three lower parts regenerated whole) and
 * is evaluated by the cross-entropy of each real part's symbol given all the others.
 */
public final class DeepBachKind implements ModelKind {
    private static final List<Setting> SETTINGS = List.of(
            Setting.integer("--context", 16, "Grid steps read on each side of a note (16: a 4/4 bar of sixteenths).")
                    .within(0, 256),
            Setting.integer("--hidden", 256, "Hidden units of each part's network.").within(1, 1 << 14),
            Setting.real("--dropout", 0.3, "Share of hidden units dropped in training.").within(0, 0.95));

    @Override
    public String name() {
        return DeepBach.KIND;
    }

    @Override
    public String summary() {
        return "DeepBach (Hadjeres et al. 2017): each chorale part given its neighbourhood; regenerates spans and "
                + "voices by pseudo-Gibbs sampling";
    }

    @Override
    public boolean reads(String fileKind) {
        return DeepBach.KIND.equals(fileKind);
    }

    @Override
    public DeepBach rebuild(ModelFile.Header header) {
        return DeepBach.of(header.config());
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
        DeepBach model = saved.as(DeepBach.class, "a deepbach model");
        VoiceRoll line = VoiceRoll.of(melody, ChoraleParts.COUNT, model.stepsPerQuarter());
        boolean[][] free = new boolean[line.length()][ChoraleParts.COUNT];
        for (boolean[] step : free) {
            Arrays.fill(step, 1, ChoraleParts.COUNT, true);
        }
        VoiceRoll parts = regenerate(model, line, free, request.sampling(), request.rules());
        return Harmonization.lowerParts(parts, melody, model.stepsPerQuarter());
    }

    @Override
    public List<Note> infill(SavedModel saved, NoteSequence piece, InfillRequest request) throws IOException {
        DeepBach model = saved.as(DeepBach.class, "a deepbach model");
        long voices = piece.notes().stream().mapToInt(Note::track).distinct().count();
        if (voices != ChoraleParts.COUNT) {
            throw new IllegalArgumentException("has " + voices + " voices, but a deepbach model regenerates four-part "
                    + "chorales: soprano, alto, tenor and bass on four tracks");
        }
        int grid = model.stepsPerQuarter();
        VoiceRoll roll = VoiceRoll.of(piece, ChoraleParts.COUNT, grid);
        int from = (int) VoiceRoll.step(request.fromTick(), piece.resolution(), grid);
        int to = (int) Math.max(from + 1, VoiceRoll.step(request.toTick(), piece.resolution(), grid));
        boolean[][] free = new boolean[Math.max(roll.length(), to)][ChoraleParts.COUNT];
        for (int s = from; s < to; s++) {
            for (int voice : request.voices()) {
                free[s][voice] = true;
            }
        }
        VoiceRoll result = regenerate(model, roll, free, request.sampling(), request.rules());
        List<Note> fresh = new ArrayList<>();
        for (int voice : request.voices()) {
            for (Note n : result.toNotes(piece.resolution(), grid, velocity(piece, voice))) {
                long start = Math.max(n.startTick(), request.fromTick());
                long end = Math.min(n.endTick(), request.toTick());
                if (n.track() == voice && end > start) {
                    fresh.add(new Note(n.pitch(), n.velocity(), start, end - start, 0, 0, false, voice));
                }
            }
        }
        return fresh;
    }

    private static VoiceRoll regenerate(DeepBach model, VoiceRoll roll, boolean[][] free,
                                        GenerationRequest.Sampling sampling, boolean rules) {
        Sampler sampler = RequestException.checked(() -> sampling.sampler(0));
        return PseudoGibbs.regenerate(model, roll, free, sampler, PseudoGibbs.SWEEPS, Seeds.mix(sampling.seed(), 1),
                rules);
    }

    /** The mean velocity of a voice's notes (80 for a silent voice). */
    private static int velocity(NoteSequence piece, int voice) {
        return (int) Math.round(piece.notes().stream().filter(n -> n.track() == voice).mapToInt(Note::velocity)
                .average().orElse(80));
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
