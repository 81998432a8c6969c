package io.muse4j.models.gan.midinet;

import io.muse4j.core.token.LeadSheetBars;
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
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainingRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** MidiNet (Yang et al. 2017): a convolutional GAN of melody bars, each following the last, under chords. */
public final class MidiNetKind extends GanKind {
    /** The most bars a MidiNet writes in one piece. */
    private static final int MAX_BARS = 4096;
    private static final int DEFAULT_BARS = 16;

    /** The kind, with its settings. */
    public MidiNetKind() {
        super(MidiNet.KIND, "MidiNet: convolutional GAN of melody bars under chords (Yang et al. 2017)", ownSettings());
    }

    private static List<Setting> ownSettings() {
        List<Setting> all = new ArrayList<>(List.of(
                Setting.integer("--hidden", 256, "Filters per layer of each player.").within(1, 1 << 14)));
        all.addAll(GanTurns.SETTINGS);
        all.addAll(List.of(
                Setting.real("--lambda1", 0.1, "Weight of the squared distance between the mean real and generated "
                        + "bars.").within(0, 1000),
                Setting.real("--lambda2", 1.0, "Weight of the same on the discriminator's first-layer features.")
                        .within(0, 1000),
                Setting.flag("--no-chords", "Train without the chord condition (a control).")));
        return List.copyOf(all);
    }

    @Override
    public MidiNet rebuild(ModelFile.Header header) {
        return new MidiNet(MidiNetConfig.of(header.config()), 0);
    }

    @Override
    public TrainingOutcome train(TrainingRequest request, Settings s) throws IOException {
        TrainingRequest.Data data = request.data();
        MidiNetTraining.Request net = RequestException.checked(() -> {
            GanTurns turns = GanTurns.of(s, request);
            return new MidiNetTraining.Request(data, new MidiNetConfig(s.integer("--noise"),
                    s.integer("--hidden"), !s.flag("--no-chords")), request.batch(), request.trainer(), turns,
                    s.real("--lambda1"), s.real("--lambda2"), request.seed(), request.out());
        });
        Trainer.Result result = MidiNetTraining.run(net, request.resume(), request.log());
        return new TrainingOutcome(result, "generator", "distance", "");
    }

    /**
     * --bars bars (16 by default) after the primer's last 4/4 bar or an empty one, under the progression cycled
     * (C throughout without one), from noise seeded per piece.
     */
    @Override
    public Pieces generate(SavedModel saved, GenerationRequest request) throws IOException {
        MidiNet net = saved.as(MidiNet.class, "a midinet model");
        String which = saved.name() + " is a midinet model";
        TokenOptions.refuse(request, which, true);
        GenerationRequest.Length length = request.length();
        if (length.steps() != null) {
            throw new RequestException("--steps is not for " + saved.name() + ", a midinet model: it writes --bars bars");
        }
        if (request.chords() != null && !net.config().chordCondition()) {
            throw new RequestException("--chords needs a chord-conditioned model; " + which + " trained without chords");
        }
        if (length.bars() != null && length.bars() > MAX_BARS) {
            throw new RequestException("--bars " + length.bars() + " must be at most " + MAX_BARS + " for a MidiNet");
        }
        int[] chords = new int[length.bars() != null ? length.bars() : DEFAULT_BARS];
        for (int bar = 0; bar < chords.length && request.chords() != null; bar++) {
            chords[bar] = LeadSheetBars.chordIndex(request.chords().get(bar % request.chords().size()));
        }
        int[] previous = LeadSheetBars.Bar.empty().steps();
        if (request.primer() != null) {
            List<List<LeadSheetBars.Bar>> runs = LeadSheetBars.encode(request.primer().score());
            if (runs.isEmpty()) {
                throw new IllegalArgumentException(request.primer().name() + ": has no bar of 4/4 for a MidiNet to "
                        + "follow");
            }
            List<LeadSheetBars.Bar> last = runs.get(runs.size() - 1);
            previous = last.get(last.size() - 1).steps();
        }
        int[] start = previous;
        long seed = request.sampling().seed();
        return i -> net.sample(start, chords, seed + i - 1);
    }

}
