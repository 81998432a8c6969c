package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.live.LiveOutput;
import io.muse4j.midi.live.LiveRun;
import io.muse4j.midi.live.LiveSettings;
import io.muse4j.midi.live.MidiPorts;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.lm.Answerer;
import io.muse4j.models.lm.TokenModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Call and response over MIDI: the musician plays a phrase, the model answers it. */
@Command(name = "live", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Answer phrases played on a MIDI keyboard (call and response).",
                "A call ends after a silence with no key held, at --end-cc, or at --max-call-s; the answer, primed "
                        + "with the call, plays at once. Runs until Ctrl-C, or until the --in-file call is answered."})
final class LiveCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    LiveInput input;

    @Option(names = "--out", defaultValue = LiveOutput.SYNTH, paramLabel = "NAME|synth|none",
            description = "MIDI output, the built-in synthesizer, or none to record only (default: ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--model", defaultValue = "folk-transformer-2026", paramLabel = "MODEL",
            description = "Model file or bundled model that answers (default: ${DEFAULT-VALUE}, the melody "
                    + "transformer, which answers a phrase on the call's own clock; 'default' writes whole tunes).")
    String model;

    @Mixin
    LiveOptions turns;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--record", paramLabel = "SESSION.mid",
            description = "Write the whole session here: calls on track 1, responses on track 2.")
    Path record;

    @Spec
    CommandSpec spec;

    /** Where the calls come from: a keyboard, or a file played as if on one. */
    static final class LiveInput {
        @Option(names = "--in", paramLabel = "NAME", description = "MIDI input to listen to (see 'muse4j devices').")
        String port;

        @Option(names = "--in-file", paramLabel = "CALL.mid", description = "Play this MIDI file as the call.")
        Path file;
    }

    @Override
    public Integer call() throws Exception {
        sampling.sampler(0); // fails early on bad sampling settings
        turns.settings(false); // and on bad turn-taking settings
        NoteSequence callFile = input.file == null ? null : callFrom(input.file);
        MidiPorts.Port inPort = input.port == null ? null : MidiPorts.input(input.port);
        try (LiveOutput output = LiveOutput.open(out)) {
            boolean samePort = inPort != null && output.port() != null && inPort.name().equals(output.port().name());
            LiveSettings settings = turns.settings(samePort);
            if (samePort) {
                spec.commandLine().getErr().println("muse4j live: input and output are one port: what comes in on "
                        + "channel " + (settings.responseChannel() + 1) + " is taken for the answers' echo and ignored");
            }
            SavedModel saved = Models.load(model);
            Answerer answerer = new Answerer(saved.as(TokenModel.class, "a token model"),
                    saved.encoding().tokenizer(), sampling::sampler);
            LiveRun.warmUp(answerer::answer, spec.commandLine().getErr());
            LiveRun.of(settings, answerer::answer, output, callFile != null, record, spec.commandLine().getErr())
                    .run(inPort, callFile);
        }
        if (record != null) {
            spec.commandLine().getOut().println(record);
        }
        return 0;
    }

    private static NoteSequence callFrom(Path file) throws Exception {
        NoteSequence call = MidiReader.read(file).sequence();
        if (call.notes().isEmpty()) {
            throw new IllegalArgumentException(file + ": has no notes to play as a call");
        }
        return call;
    }
}
