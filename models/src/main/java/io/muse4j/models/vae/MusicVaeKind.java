package io.muse4j.models.vae;

import io.muse4j.models.file.ModelFile;
import io.muse4j.models.file.ModelFileException;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.LatentModel;
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
import java.util.List;

/** MusicVAE (Roberts et al. 2018): melody windows of 2 or 16 bars through a latent space, flat or hierarchical. */
public final class MusicVaeKind implements ModelKind {
    private static final String FILE_KIND_PREFIX = "vae-";
    private static final List<Setting> SETTINGS = List.of(
            Setting.integer("--layers", 2, "LSTM layers of the encoder and decoders.").within(1, 16),
            Setting.integer("--hidden", 256, "LSTM units per layer.").within(1, 1 << 14),
            Setting.integer("--embedding", 64, "Token embedding size.").within(1, 1 << 14),
            new Setting("--decoder", VaeConfig.Decoder.class, "HIERARCHICAL", "Decoder: FLAT or HIERARCHICAL."),
            Setting.integer("--bars", 2, "Window in 4/4 bars, 2 or 16.").within(2, 16),
            Setting.integer("--latent", 256, "Latent size.").within(1, 1 << 14),
            Setting.real("--beta", 0.2, "KL weight once annealed.").within(0, 1000),
            new Setting("--beta-warmup", Long.class, "0", "Steps over which beta rises from 0.").within(0, 100_000_000),
            Setting.real("--free-bits", 0, "KL floor per latent dimension, in nats.").within(0, 100),
            Setting.real("--scheduled-sampling", 0, "Share of decoder inputs drawn from the model instead of "
                    + "the data.").within(0, 1),
            new Setting("--sampling-warmup", Long.class, "0", "Steps over which the scheduled-sampling rate rises "
                    + "from 0.").within(0, 100_000_000));

    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String summary() {
        return "MusicVAE: melody windows through a latent space (Roberts et al. 2018)";
    }

    @Override
    public boolean reads(String fileKind) {
        return fileKind.startsWith(FILE_KIND_PREFIX);
    }

    @Override
    public MusicVae rebuild(ModelFile.Header header) {
        double beta = Double.parseDouble(header.training().getOrDefault("beta", "1"));
        return new MusicVae(VaeConfig.of(header.kind(), header.config()), VaeObjective.of(beta), 0);
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    @Override
    public boolean takesEncoding() {
        return true;
    }

    @Override
    public TrainingOutcome train(TrainingRequest request, Settings s) throws IOException {
        TrainingRequest.Data data = request.data();
        VaeTraining.Request vae = RequestException.checked(() -> {
            int bars = s.integer("--bars");
            if (bars != 2 && bars != 16) {
                throw new RequestException("--bars " + bars + " must be 2 or 16");
            }
            int stepsPerQuarter = data.encoding().stepsPerQuarter();
            VaeConfig config = new VaeConfig(2, s.integer("--embedding"), s.integer("--hidden"), s.integer("--layers"),
                    s.integer("--latent"), bars, 4 * stepsPerQuarter, s.choice("--decoder", VaeConfig.Decoder.class));
            VaeObjective objective = new VaeObjective(s.real("--beta"), s.whole("--beta-warmup"),
                    s.real("--free-bits"), s.real("--scheduled-sampling"), s.whole("--sampling-warmup"));
            return new VaeTraining.Request(data, config, objective, request.batch(), request.trainer(),
                    request.seed(), request.out());
        });
        Trainer.Result result = VaeTraining.run(vae, request.resume(), request.log());
        return new TrainingOutcome(result, "training", "loss", " nats per token");
    }

    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws ModelFileException {
        throw new ModelFileException(saved.name(), "is a MusicVAE (" + saved.model().kind() + "); use it with "
                + "sample, interpolate, reconstruct or attribute");
    }

    @Override
    public LatentModel latent(SavedModel saved) throws ModelFileException {
        return new VaeLatent(VaeFile.saved(saved));
    }

    @Override
    public Evaluation evaluate(SavedModel saved, EvaluationRequest request) throws IOException {
        return VaeEvaluation.of(VaeFile.saved(saved), request);
    }
}
