package io.muse4j.cli;

import io.muse4j.audio.LossCurvePicture;
import io.muse4j.audio.PianoRollPicture;
import io.muse4j.audio.Pictures;
import io.muse4j.audio.SpectrogramPicture;
import io.muse4j.audio.TrainingLog;
import io.muse4j.audio.signal.AudioReader;
import io.muse4j.audio.spectrogram.MelEncoder;
import io.muse4j.audio.spectrogram.MelSettings;
import io.muse4j.midi.MidiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Draws a MIDI file as a piano roll, a training log as loss curves, or audio as a spectrogram, to PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a MIDI file as a piano roll, a training log (MODEL.log.csv) as loss curves, or a WAV or "
                + "AIFF file as a log-mel spectrogram, to PNG.",
                "Files ending in .csv are read as training logs, .wav, .aif and .aiff as audio, others as MIDI. "
                        + "Prints the file written. (The spectrogram command draws other kinds of spectrogram.)"})
final class PlotCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IN", description = "MIDI file, training log (.csv) or audio (.wav, .aif, .aiff).")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.png", description = "PNG file to write.")
    Path out;

    @Option(names = "--time", defaultValue = "bars", paramLabel = "bars|seconds",
            description = "Piano roll time axis: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PianoRollPicture.TimeAxis time;

    @Mixin
    PictureSize size;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean audio = name.endsWith(".wav") || name.endsWith(".aif") || name.endsWith(".aiff");
        size.check(audio ? SpectrogramPicture.MIN_WIDTH : Pictures.MIN_SIDE,
                audio ? SpectrogramPicture.MIN_HEIGHT : Pictures.MIN_SIDE);
        if (name.endsWith(".csv")) {
            LossCurvePicture.write(TrainingLog.read(input), size.width, size.height, out);
        } else if (audio) {
            SpectrogramPicture.write(new MelEncoder(MelSettings.DEFAULT).encode(AudioReader.read(input)), size.width,
                    size.height, out);
        } else {
            PianoRollPicture.write(MidiReader.read(input).sequence(), time, size.width, size.height, out);
        }
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
