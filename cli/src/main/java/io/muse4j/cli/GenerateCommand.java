package io.muse4j.cli;

import io.muse4j.audio.WavRenderer;
import io.muse4j.core.harmony.ChordSymbol;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.ScoreFiles;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Setting;
import io.muse4j.models.kind.Structure;
import io.muse4j.models.sampling.Durations;
import io.muse4j.models.sampling.GenerationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Samples new music from a model, optionally continuing a primer. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate music with a trained model: a token LSTM or transformer, a C-RNN-GAN, a MidiNet, "
                + "a DeepHear or a C-RBM.",
                "The default model writes whole tunes that end where it ends them (--whole); give --bars, --seconds "
                        + "or --steps for a length.",
                "A MidiNet writes --bars bars (16 by default) one after another, each following the bar before "
                        + "(the last 4/4 bar of --primer, or an empty bar, first) under the --chords progression, "
                        + "cycled (C throughout without --chords).",
                "The same seed gives the same file, byte for byte. Prints the files written."})
final class GenerateCommand implements Callable<Integer> {
    /** The longest piece --seconds asks for: an hour. */
    static final double MAX_SECONDS = 3600;
    /** The most bars --bars asks for: over two hours at 120 bpm. */
    static final int MAX_BARS = 4096;
    /** The most pieces --count asks for. */
    static final int MAX_COUNT = 1000;

    @Option(names = "--model", defaultValue = Models.DEFAULT, paramLabel = "MODEL",
            description = "Model file, or 'default' for the bundled folk-melody LSTM (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--primer", paramLabel = "FILE.mid",
            description = "Music to continue, MIDI or ABC (the first tune); the output keeps its tempo map, meters "
                    + "and keys (default: none, the piece starts on the model's first note).")
    Path primer;

    @Option(names = "--steps", description = "Tokens to generate (default: 256, 16 bars of melody, or a whole tune for a model "
            + "with an end token); notes for a GAN.")
    Integer steps;

    @Option(names = "--bars", description = "Bars to generate, in the primer's meter and tempo (4/4 at 120 bpm "
            + "without one).")
    Integer bars;

    @Option(names = "--seconds", paramLabel = "S", description = "Seconds of music to generate after the primer.")
    Double seconds;

    @Option(names = "--whole", description = "Whole tunes that end where the model ends them (the default of a model "
            + "that learnt where tunes end, such as one on the abc encoding; a cap stops a runaway).")
    boolean whole;

    @Option(names = "--beam", paramLabel = "N",
            description = "Stochastic beam search over N beams, keeping the likeliest; 1 is plain sampling (default: 1).")
    Integer beam;

    @Option(names = "--chords", paramLabel = "\"C G Am F\"",
            description = "Chord progression, one chord a bar, for chord-conditioned models: roots A-G with # or b, "
                    + "qualities m, 7, maj7, m7, dim, m7b5, dim7, aug, sus2, sus4.")
    String chords;

    @Option(names = "--form", paramLabel = "AB..AB", description = "A form imposed on a crbm model's piece: a letter "
            + "a bar, bars with the same letter the same bar, '.' a free bar (AB..AB repeats bars 1-2 in bars 5-6).")
    String form;

    @Option(names = "--key", paramLabel = "KEY", description = "A key imposed on a crbm model's piece, such as G, "
            + "F#m or \"Bb minor\": every note in its scale (a minor key's raised sixth and seventh included).")
    String key;

    @Option(names = "--count", defaultValue = "1", description = "Pieces to write: OUT-1.mid ... OUT-N.mid when above 1.")
    int count;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.mid",
            description = "File to write: MIDI, or ABC when it ends in .abc.")
    Path out;

    @Option(names = "--wav", paramLabel = "OUT.wav",
            description = "Also render the music to this WAV file (OUT-1.wav ... with --count).")
    Path wav;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--new-temperature", paramLabel = "T|same", description = "Temperature for new material (a bar "
            + "that so far restates no earlier bar): its notes, rests and bar lines, drawn without the --top-k and "
            + "--top-p cuts, for models whose encoding tells it (abc); 'same' draws them as every other token "
            + "(default: the bundled model's own, else same).")
    String newTemperature;

    @Option(names = "--rhythm-temperature", paramLabel = "T|same", description = "The same for the note lengths of "
            + "new material.")
    String rhythmTemperature;

    @Mixin
    SoundFontOption soundFont;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkSettings();
        sampling.sampler(0); // fails early on bad sampling settings
        GenerationRequest request = new GenerationRequest(new GenerationRequest.Length(steps, bars, seconds, whole),
                primer == null ? null : new GenerationRequest.Primer(primer.toString(), primerScore()),
                Models.withDefaults(model, sampling.controls(), newTemperature, rhythmTemperature), beam, chordProgression());
        Structure structure = structure();
        SavedModel saved = Models.load(model);
        Pieces pieces = structure == null ? saved.kind().generate(saved, request)
                : saved.kind().generate(saved, request, structure);
        WavRenderer renderer = wav == null ? null : new WavRenderer(soundFont.load()); // a bad SoundFont fails early
        for (int i = 1; i <= count; i++) {
            NoteSequence music = pieces.piece(i);
            Path target = count == 1 ? out : DecodeCommand.numbered(out, i);
            ScoreFiles.writeAbcOrMidi(music, target); // a name without .mid is a MIDI file, as it always was
            spec.commandLine().getOut().println(target);
            if (renderer != null) {
                Path audio = count == 1 ? wav : DecodeCommand.numbered(wav, i);
                RenderCommand.render(renderer, music, audio, spec.commandLine().getErr());
                spec.commandLine().getOut().println(audio);
            }
        }
        return 0;
    }

    /** The primer's score: a MIDI file, or an ABC file's first tune. */
    private NoteSequence primerScore() throws java.io.IOException {
        List<NoteSequence> scores = ScoreFiles.read(primer);
        if (scores.isEmpty()) {
            throw new UsageException("--primer " + primer + ": holds no ABC tune");
        }
        return scores.get(0);
    }

    /** The --form and --key given, or null when neither is; a bad one is a usage error naming it. */
    private Structure structure() {
        if (form == null && key == null) {
            return null;
        }
        Structure.Key parsedKey;
        try {
            parsedKey = key == null ? null : Structure.Key.parse(key);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--key: " + e.getMessage());
        }
        try {
            return new Structure(form == null ? "" : form, parsedKey);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--form: " + e.getMessage());
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
        int lengths = (steps != null ? 1 : 0) + (bars != null ? 1 : 0) + (seconds != null ? 1 : 0) + (whole ? 1 : 0);
        if (lengths > 1) {
            throw new UsageException("give one of --steps, --bars, --seconds and --whole, not several");
        }
        checkRange("--steps", steps, 1, Durations.MAX_TOKENS);
        checkRange("--bars", bars, 1, MAX_BARS);
        checkRange("--seconds", seconds, Double.MIN_VALUE, MAX_SECONDS);
        if (soundFont.file != null && wav == null) {
            throw new UsageException("--soundfont is for rendering: give --wav too");
        }
        checkRange("--count", count, 1, MAX_COUNT);
    }

    /** A number option left out (null) or within min..max; else a usage error naming it. */
    static void checkRange(String option, Number value, double min, double max) {
        if (value != null) {
            Setting.checkRange(option, value, min, max);
        }
    }
}
