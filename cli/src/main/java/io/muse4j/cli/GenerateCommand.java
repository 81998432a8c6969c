package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.Encodings;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.MidiWriter;
import io.muse4j.models.Generator;
import io.muse4j.models.Sampler;
import io.muse4j.models.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Samples new music from a model, optionally continuing a primer. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate music with a trained model.",
                "The same seed gives the same file, byte for byte. Prints the files written."})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "Model file ('default' names the bundled model, once a build bundles one).")
    String model;

    @Option(names = "--primer", paramLabel = "FILE.mid", description = "Music to continue (default: middle C).")
    Path primer;

    @Option(names = "--steps", description = "Tokens to generate (default: 256, 16 bars of melody).")
    Integer steps;

    @Option(names = "--bars", description = "Bars of 4/4 to generate (grid encodings such as melody).")
    Integer bars;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature, 0 is greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Sample among the K likeliest; 0 is all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Nucleus sampling mass (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--count", defaultValue = "1", description = "Pieces to write: OUT-1.mid ... OUT-N.mid when above 1.")
    int count;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.mid", description = "MIDI file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (steps != null && bars != null) {
            throw new UsageException("give --steps or --bars, not both");
        }
        if (count < 1) {
            throw new UsageException("--count " + count + " must be at least 1");
        }
        Sampler check = sampler(seed); // fails early on bad sampling settings
        SavedModel saved = Models.load(model, 1, 1);
        Tokenizer tokenizer = Encodings.tokenizer(saved.tokenizer());
        int length = bars != null ? bars * 4 * stepsPerQuarter(saved) : steps != null ? steps : 256;
        int[] start = primerTokens(tokenizer);
        int window = Models.trainedSequenceLength(saved);
        Generator generator = new Generator(Models.quietly(() -> saved.model().withBatchShape(1, window)), window);
        for (int i = 1; i <= count; i++) {
            Sampler sampler = i == 1 ? check : sampler(seed + i - 1);
            NoteSequence music = tokenizer.decode(generator.continueFrom(start, length, sampler));
            Path target = count == 1 ? out : DecodeCommand.numbered(out, i);
            MidiWriter.write(music, target);
            spec.commandLine().getOut().println(target);
        }
        return 0;
    }

    private Sampler sampler(long s) {
        try {
            return new Sampler(temperature, topK, topP, s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int stepsPerQuarter(SavedModel saved) {
        return Integer.parseInt(saved.tokenizer().getOrDefault("stepsPerQuarter", "4"));
    }

    private int[] primerTokens(Tokenizer tokenizer) throws Exception {
        if (primer == null) {
            return new int[] {tokenizer.vocabulary().id("NOTE_ON_60")};
        }
        int[] tokens = tokenizer.encode(MidiReader.read(primer).sequence());
        if (tokens.length == 0) {
            throw new IllegalArgumentException(primer + ": has no notes this model's encoding can use as a primer");
        }
        return tokens;
    }
}
