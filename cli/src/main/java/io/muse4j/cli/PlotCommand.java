package io.muse4j.cli;

import io.muse4j.audio.LossCurvePicture;
import io.muse4j.audio.PianoRollPicture;
import io.muse4j.audio.Pictures;
import io.muse4j.audio.TrainingLog;
import io.muse4j.midi.MidiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Draws a MIDI file as a piano roll, or a training log as loss curves, to PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a MIDI file as a piano roll, or a training log (MODEL.log.csv) as loss curves, to PNG.",
                "Files ending in .csv are read as training logs, others as MIDI. Prints the file written."})
final class PlotCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IN", description = "MIDI file or training log (.csv).")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.png", description = "PNG file to write.")
    Path out;

    @Option(names = "--time", defaultValue = "bars", paramLabel = "bars|seconds",
            description = "Piano roll time axis: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PianoRollPicture.TimeAxis time;

    @Option(names = "--width", defaultValue = "1200", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "600", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (int side : new int[] {width, height}) {
            if (side < Pictures.MIN_SIDE || side > Pictures.MAX_SIDE) {
                throw new UsageException("--width and --height must be between " + Pictures.MIN_SIDE + " and "
                        + Pictures.MAX_SIDE + " pixels, not " + side);
            }
        }
        if (input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            LossCurvePicture.write(TrainingLog.read(input), width, height, out);
        } else {
            PianoRollPicture.write(MidiReader.read(input).sequence(), time, width, height, out);
        }
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
