package io.muse4j.cli;

import io.muse4j.audio.WavRenderer;
import io.muse4j.core.harmony.ChordSymbol;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.Encodings;
import io.muse4j.core.token.LeadSheetBars;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.MidiWriter;
import io.muse4j.models.gan.crnngan.CrnnGan;
import io.muse4j.models.sampling.Durations;
import io.muse4j.models.sampling.Generator;
import io.muse4j.models.gan.midinet.MidiNet;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.file.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Samples new music from a model, optionally continuing a primer. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate music with a trained model: a token LSTM or transformer, a C-RNN-GAN or a MidiNet.",
                "A MidiNet writes --bars bars (16 by default) one after another, each following the bar before "
                        + "(the last 4/4 bar of --primer, or an empty bar, first) under the --chords progression, "
                        + "cycled (C throughout without --chords).",
                "The same seed gives the same file, byte for byte. Prints the files written."})
final class GenerateCommand implements Callable<Integer> {
    private static final double MAX_SECONDS = 3600;
    /** A bar of 4/4 at 120 beats a minute, for encodings whose time is in seconds rather than on a grid. */
    private static final double SECONDS_PER_BAR = 2.0;
    /** Notes a GAN may emit per quarter note asked for, against a generator that stops moving forward in time. */
    private static final int NOTES_PER_QUARTER_CAP = 16;
    /** The most bars a MidiNet writes in one piece. */
    private static final int MAX_MIDINET_BARS = 4096;

    @Option(names = "--model", defaultValue = Models.DEFAULT, paramLabel = "MODEL",
            description = "Model file, or 'default' for the bundled folk-melody LSTM (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--primer", paramLabel = "FILE.mid", description = "Music to continue (default: middle C).")
    Path primer;

    @Option(names = "--steps", description = "Tokens to generate (default: 256, 16 bars of melody); notes for a GAN.")
    Integer steps;

    @Option(names = "--bars", description = "Bars of 4/4 to generate (at 120 bpm for encodings timed in seconds).")
    Integer bars;

    @Option(names = "--seconds", paramLabel = "S", description = "Seconds of music to generate after the primer.")
    Double seconds;

    @Option(names = "--beam", defaultValue = "1", paramLabel = "N",
            description = "Stochastic beam search over N beams, keeping the likeliest; 1 is plain sampling (default: ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--chords", paramLabel = "\"C G Am F\"",
            description = "Chord progression, one chord a bar, for chord-conditioned models: roots A-G with # or b, "
                    + "qualities m, 7, maj7, m7, dim, m7b5, dim7, aug, sus2, sus4.")
    String chords;

    @Option(names = "--count", defaultValue = "1", description = "Pieces to write: OUT-1.mid ... OUT-N.mid when above 1.")
    int count;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.mid", description = "MIDI file to write.")
    Path out;

    @Option(names = "--wav", paramLabel = "OUT.wav",
            description = "Also render the music to this WAV file (OUT-1.wav ... with --count).")
    Path wav;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    SoundFontOption soundFont;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkSettings();
        List<ChordSymbol> progression = chordProgression();
        Sampler check = sampling.sampler(0); // fails early on bad sampling settings
        SavedModel saved = Models.load(model);
        Pieces pieces = saved.model() instanceof CrnnGan gan ? ganPieces(gan, progression)
                : saved.model() instanceof MidiNet net ? midiNetPieces(net, progression)
                : tokenPieces(saved, check, progression);
        WavRenderer renderer = wav == null ? null : new WavRenderer(soundFont.load()); // a bad SoundFont fails early
        for (int i = 1; i <= count; i++) {
            NoteSequence music = pieces.piece(i);
            Path target = count == 1 ? out : DecodeCommand.numbered(out, i);
            MidiWriter.write(music, target);
            spec.commandLine().getOut().println(target);
            if (renderer != null) {
                Path audio = count == 1 ? wav : DecodeCommand.numbered(wav, i);
                RenderCommand.render(renderer, music, audio, spec.commandLine().getErr());
                spec.commandLine().getOut().println(audio);
            }
        }
        return 0;
    }

    /** Piece {@code i} (from 1) of those asked for. */
    private interface Pieces {
        NoteSequence piece(int i) throws Exception;
    }

    private Pieces tokenPieces(SavedModel saved, Sampler check, List<ChordSymbol> progression) throws Exception {
        if (progression != null) {
            throw new UsageException("--chords needs a chord-conditioned model; " + model + " is a "
                    + saved.model().kind() + " model");
        }
        Generator generator = new Generator(saved.tokenModel(model)); // fails naming the file for a piano roll
        Tokenizer tokenizer = Encodings.tokenizer(saved.tokenizer());
        int[] start = primerTokens(tokenizer);
        boolean grid = "melody".equals(saved.tokenizer().get("encoding"));
        Double duration = seconds != null ? seconds : bars != null && !grid ? bars * SECONDS_PER_BAR : null;
        int length = duration != null ? Durations.tokenBudget(duration)
                : bars != null ? bars * 4 * stepsPerQuarter(saved) : steps != null ? steps : 256;
        return i -> {
            Sampler sampler = i == 1 ? check : sampling.sampler(i - 1);
            Predicate<int[]> enough = duration == null ? tokens -> false : Durations.lasting(tokenizer, start, duration);
            return tokenizer.decode(generator.beamSearch(start, length, beam, sampler, enough));
        };
    }

    /** A C-RNN-GAN's pieces: --steps notes, or --bars bars of 4/4 (16 by default), from noise seeded per piece. */
    private Pieces ganPieces(CrnnGan gan, List<ChordSymbol> progression) {
        refuseTokenOptions(List.of("--primer", "--seconds", "--temperature", "--top-k", "--top-p", "--beam"), "crnngan");
        if (progression != null) {
            throw new UsageException("--chords needs a chord-conditioned model; " + model + " is a crnngan model");
        }
        double quarters = steps != null ? 0 : 4.0 * (bars != null ? bars : 16);
        int notes = steps != null ? steps : (int) Math.min(Durations.MAX_TOKENS, quarters * NOTES_PER_QUARTER_CAP);
        return i -> gan.sample(sampling.seed + i - 1, notes, quarters);
    }

    /**
     * A MidiNet's pieces: --bars bars (16 by default) after the primer's last 4/4 bar or an empty one, under the
     * progression cycled (C throughout without one), from noise seeded per piece.
     */
    private Pieces midiNetPieces(MidiNet net, List<ChordSymbol> progression) throws Exception {
        refuseTokenOptions(List.of("--seconds", "--temperature", "--top-k", "--top-p", "--beam"), "midinet");
        if (steps != null) {
            throw new UsageException("--steps is not for " + model + ", a midinet model: it writes --bars bars");
        }
        if (progression != null && !net.config().chordCondition()) {
            throw new UsageException("--chords needs a chord-conditioned model; " + model
                    + " is a midinet model trained without chords");
        }
        if (bars != null && bars > MAX_MIDINET_BARS) {
            throw new UsageException("--bars " + bars + " must be at most " + MAX_MIDINET_BARS + " for a MidiNet");
        }
        int[] chords = new int[bars != null ? bars : 16];
        for (int bar = 0; bar < chords.length && progression != null; bar++) {
            chords[bar] = LeadSheetBars.chordIndex(progression.get(bar % progression.size()));
        }
        int[] previous = LeadSheetBars.Bar.empty().steps();
        if (primer != null) {
            List<List<LeadSheetBars.Bar>> runs = LeadSheetBars.encode(MidiReader.read(primer).sequence());
            if (runs.isEmpty()) {
                throw new IllegalArgumentException(primer + ": has no bar of 4/4 for a MidiNet to follow");
            }
            List<LeadSheetBars.Bar> last = runs.get(runs.size() - 1);
            previous = last.get(last.size() - 1).steps();
        }
        int[] start = previous;
        return i -> net.sample(start, chords, sampling.seed + i - 1);
    }

    private void refuseTokenOptions(List<String> tokenOnly, String kind) {
        for (String option : tokenOnly) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new UsageException(option + " is for token models; " + model + " is a " + kind + " model");
            }
        }
    }

    /** The --chords progression, or null when none was given; an unknown symbol is a usage error naming it. */
    private List<ChordSymbol> chordProgression() {
        if (chords == null) {
            return null;
        }
        try {
            return ChordSymbol.progression(chords);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--chords: " + e.getMessage());
        }
    }

    private void checkSettings() {
        int lengths = (steps != null ? 1 : 0) + (bars != null ? 1 : 0) + (seconds != null ? 1 : 0);
        if (lengths > 1) {
            throw new UsageException("give one of --steps, --bars and --seconds, not several");
        }
        if (steps != null && steps < 1) {
            throw new UsageException("--steps " + steps + " must be at least 1");
        }
        if (bars != null && bars < 1) {
            throw new UsageException("--bars " + bars + " must be at least 1");
        }
        if (seconds != null && !(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new UsageException("--seconds " + seconds + " must be above 0 and at most " + MAX_SECONDS);
        }
        if (beam < 1 || beam > Generator.MAX_WIDTH) {
            throw new UsageException("--beam " + beam + " must be between 1 and " + Generator.MAX_WIDTH);
        }
        if (soundFont.file != null && wav == null) {
            throw new UsageException("--soundfont is for rendering: give --wav too");
        }
        if (count < 1) {
            throw new UsageException("--count " + count + " must be at least 1");
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
