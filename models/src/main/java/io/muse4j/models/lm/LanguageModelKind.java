package io.muse4j.models.lm;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.file.StoredModel;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.InfillRequest;
import io.muse4j.models.kind.ModelKind;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Setting;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.kind.TrainingOutcome;
import io.muse4j.models.nn.FrameHead;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.nn.StackConfig;
import io.muse4j.models.nn.TransformerConfig;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainingRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Language models over an LSTM stack (Melody RNN, Performance RNN) or a Music Transformer (Huang et al. 2018): a
 * token model on a token encoding, a polyphonic piano-roll model on the piano-roll encoding.
 */
public final class LanguageModelKind implements ModelKind {
    /** The LSTM stack. */
    public static final LanguageModelKind LSTM = new LanguageModelKind("lstm",
            "LSTM language model (Melody RNN, Performance RNN; piano roll with --encoding pianoroll)",
            List.of(Setting.integer("--embedding", 64, "LSTM embedding size.").within(1, 1 << 14)),
            (s, seqLen) -> new LstmConfig(2, s.integer("--embedding"), s.integer("--hidden"), s.integer("--layers"),
                    s.real("--dropout")));
    /** The Music Transformer stack. */
    public static final LanguageModelKind TRANSFORMER = new LanguageModelKind("transformer",
            "Music Transformer: relative self-attention (Huang et al. 2018)",
            List.of(Setting.integer("--heads", 8, "Attention heads.").within(1, 1024),
                    Setting.optional("--ffn", Integer.class, "Feed-forward units (default: 4 x --hidden).")
                            .within(1, 1 << 16),
                    Setting.optional("--max-relative", Integer.class, "Relative distances with a learned "
                            + "embedding, and the window sampling attends over (default: --seq-len).")
                                    .within(1, 1 << 16),
                    Setting.flag("--shared-relative", "One relative embedding for all heads (default: one per head).")),
            (s, seqLen) -> new TransformerConfig(2, s.integer("--hidden"), s.integer("--heads"), s.integer("--layers"),
                    s.integer("--ffn", 4 * s.integer("--hidden")), s.integer("--max-relative", seqLen),
                    s.flag("--shared-relative"), s.real("--dropout")));

    private final String family;
    private final String summary;
    private final List<Setting> settings;
    private final BiFunction<Settings, Integer, StackConfig> shape;

    private LanguageModelKind(String family, String summary, List<Setting> own,
                              BiFunction<Settings, Integer, StackConfig> shape) {
        this.family = family;
        this.summary = summary;
        this.shape = shape;
        List<Setting> all = new ArrayList<>(List.of(
                Setting.integer("--layers", 2, "LSTM layers or transformer blocks.").within(1, 64),
                Setting.integer("--hidden", 256, "LSTM units per layer, or the transformer's width (d_model).")
                        .within(1, 1 << 14),
                Setting.real("--dropout", 0, "Dropout after each LSTM layer, or on the transformer's embedding and "
                        + "sub-layer outputs, while training.").within(0, Math.nextDown(1.0)),
                Setting.integer("--seq-len", 64, "Tokens (or frames) per training sequence.").within(1, 1 << 14),
                Setting.integer("--epochs", 0, "Passes over the training data; overrides --steps when above 0.")
                        .within(0, 1_000_000),
                Setting.real("--stretch", 0, "Augment by time-stretches of 1 - S and 1 + S, e.g. 0.05 as "
                        + "Performance RNN does.").within(0, Math.nextDown(0.5)),
                new Setting("--head", FrameHead.Kind.class, "SIGMOID", "Piano-roll frame head: SIGMOID (each key "
                        + "on its own), NADE or RBM (keys jointly; over an LSTM, the RNN-NADE and the RNN-RBM of "
                        + "Boulanger-Lewandowski et al. 2012)."),
                Setting.optional("--head-hidden", Integer.class, "Hidden units of a NADE or RBM head (default: "
                        + FrameHead.Spec.DEFAULT_HIDDEN + ").").within(1, 1 << 14),
                Setting.optional("--cd-k", Integer.class, "Gibbs steps of an RBM head's contrastive divergence and of "
                        + "each frame it draws (default: " + FrameHead.Spec.DEFAULT_GIBBS_STEPS + ").")
                        .within(1, 1000)));
        all.addAll(own);
        this.settings = List.copyOf(all);
    }

    @Override
    public String name() {
        return family;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public boolean reads(String fileKind) {
        return fileKind.equals("token-" + family) || fileKind.equals("pianoroll-" + family);
    }

    @Override
    public StoredModel rebuild(ModelFile.Header header) {
        StackConfig stack = StackConfig.of(family, header.config());
        return header.kind().startsWith("token-") ? new TokenModel(stack, 0)
                : new PianoRollModel(stack, FrameHead.Spec.of(header.config()), 0);
    }

    @Override
    public List<Setting> settings() {
        return settings;
    }

    @Override
    public boolean takesEncoding() {
        return true;
    }

    @Override
    public TrainingOutcome train(TrainingRequest request, Settings settings) throws IOException {
        TrainingRequest.Data data = request.data();
        int seqLen = settings.integer("--seq-len");
        FrameHead.Kind head = settings.choice("--head", FrameHead.Kind.class);
        if (head != FrameHead.Kind.SIGMOID && !(data.encoding() instanceof EncodingSpec.PianoRoll)) {
            throw new RequestException("--head " + head + " is a piano-roll model's frame head; give --encoding "
                    + "pianoroll");
        }
        FrameHead.Spec spec = headSpec(head, settings);
        LanguageModelTraining.Request lm = RequestException.checked(() -> new LanguageModelTraining.Request(data,
                shape.apply(settings, seqLen), spec, request.batch(), seqLen,
                request.trainer(), settings.integer("--epochs"), settings.real("--stretch"), request.seed(),
                request.out()));
        Trainer.Result result = LanguageModelTraining.run(lm, request.resume(), request.log());
        String unit = data.encoding() instanceof EncodingSpec.PianoRoll ? "frame" : "token";
        return new TrainingOutcome(result, "training", head.lossName(), " nats per " + unit);
    }

    /** The head asked for; the settings of another kind of head are refused by name. */
    private static FrameHead.Spec headSpec(FrameHead.Kind head, Settings settings) {
        boolean hiddenGiven = settings.integer("--head-hidden", 0) > 0;
        boolean gibbsStepsGiven = settings.integer("--cd-k", 0) > 0;
        if (head != FrameHead.Kind.RBM && gibbsStepsGiven) {
            throw new RequestException("--cd-k is an RBM head's setting; give --head RBM with it");
        }
        if (head == FrameHead.Kind.SIGMOID) {
            if (hiddenGiven) {
                throw new RequestException("--head-hidden is a NADE or RBM head's setting; give --head NADE or RBM "
                        + "with it");
            }
            return FrameHead.Spec.SIGMOID;
        }
        return new FrameHead.Spec(head, settings.integer("--head-hidden", FrameHead.Spec.DEFAULT_HIDDEN),
                head == FrameHead.Kind.RBM ? settings.integer("--cd-k", FrameHead.Spec.DEFAULT_GIBBS_STEPS) : 0);
    }

    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws IOException {
        return saved.model() instanceof PianoRollModel rolls ? FrameGeneration.pieces(saved, rolls, request)
                : TokenGeneration.pieces(saved, request);
    }

    /** A token model of the melody encoding regenerates a span of one voice ({@link MelodyInfill}). */
    @Override
    public List<Note> infill(SavedModel saved, NoteSequence piece, InfillRequest request) throws IOException {
        return MelodyInfill.notes(saved, piece, request);
    }

    @Override
    public Evaluation evaluate(SavedModel saved, EvaluationRequest request) throws IOException {
        return LanguageModelEvaluation.of(saved, request);
    }
}
