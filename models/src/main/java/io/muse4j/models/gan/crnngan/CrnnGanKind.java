package io.muse4j.models.gan.crnngan;

import io.muse4j.models.file.ModelFile;
import io.muse4j.models.kind.TokenOptions;
import io.muse4j.models.gan.GanKind;
import io.muse4j.models.gan.GanTurns;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Setting;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.kind.TrainingOutcome;
import io.muse4j.models.sampling.Durations;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainingRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** C-RNN-GAN (Mogren 2016): an LSTM generator of notes against a bidirectional LSTM discriminator. */
public final class CrnnGanKind extends GanKind {
    /** Notes the generator may emit per quarter note asked for, against one that stops moving forward in time. */
    private static final int NOTES_PER_QUARTER_CAP = 16;
    private static final int DEFAULT_BARS = 16;

    /** The kind, with its settings. */
    public CrnnGanKind() {
        super(CrnnGan.KIND, "C-RNN-GAN: continuous recurrent GAN over notes (Mogren 2016)", ownSettings());
    }

    private static List<Setting> ownSettings() {
        List<Setting> all = new ArrayList<>(List.of(
                Setting.integer("--layers", 2, "LSTM layers of each player.").within(1, 16),
                Setting.integer("--hidden", 256, "LSTM units per layer of the generator.").within(1, 1 << 14),
                Setting.optional("--d-hidden", Integer.class, "LSTM units per layer of each discriminator "
                        + "direction (default: --hidden).").within(1, 1 << 14),
                Setting.integer("--seq-len", 64, "Notes per training sequence.").within(1, 1 << 14)));
        all.addAll(GanTurns.SETTINGS);
        return List.copyOf(all);
    }

    @Override
    public CrnnGan rebuild(ModelFile.Header header) {
        return new CrnnGan(CrnnGanConfig.of(header.config()), 0);
    }

    @Override
    public TrainingOutcome train(TrainingRequest request, Settings s) throws IOException {
        TrainingRequest.Data data = request.data();
        CrnnGanTraining.Request gan = RequestException.checked(() -> {
            GanTurns turns = GanTurns.of(s, request);
            int hidden = s.integer("--hidden");
            CrnnGanConfig config = new CrnnGanConfig(s.integer("--noise"), hidden, s.integer("--layers"),
                    s.integer("--d-hidden", hidden), s.integer("--seq-len"));
            return new CrnnGanTraining.Request(data, config, request.batch(), request.trainer(), turns, request.seed(),
                    request.out());
        });
        Trainer.Result result = CrnnGanTraining.run(gan, request.resume(), request.log());
        return new TrainingOutcome(result, "generator", "distance", "");
    }

    /** --steps notes, or --bars bars of 4/4 (16 by default), from noise seeded per piece. */
    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws IOException {
        CrnnGan gan = saved.as(CrnnGan.class, "a crnngan model");
        String which = saved.name() + " is a crnngan model";
        if (request.chords() != null) {
            throw new RequestException("--chords needs a chord-conditioned model; " + which);
        }
        TokenOptions.refuse(request, which, false);
        GenerationRequest.Length length = request.length();
        double quarters = length.steps() != null ? 0 : 4.0 * (length.bars() != null ? length.bars() : DEFAULT_BARS);
        int notes = length.steps() != null ? length.steps()
                : (int) Math.min(Durations.MAX_TOKENS, quarters * NOTES_PER_QUARTER_CAP);
        long seed = request.sampling().seed();
        return i -> gan.sample(seed + i - 1, notes, quarters);
    }

}
