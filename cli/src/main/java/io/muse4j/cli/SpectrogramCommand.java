package io.muse4j.cli;

import io.muse4j.audio.SpectrogramPicture;
import io.muse4j.audio.signal.AudioReader;
import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.spectrogram.Npy;
import io.muse4j.audio.spectrogram.Spectrogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Computes a spectrogram of an audio file and writes it as a picture or a NumPy array. */
@Command(name = "spectrogram", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute a spectrogram of a WAV or AIFF file (channels mixed to mono, resampled to --rate) and "
                + "write it as a PNG picture or a NumPy .npy array of float32 [frames x bins].",
                "Frame i is centred at i * hop samples. Prints the file written."})
final class SpectrogramCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IN.wav", description = "WAV or AIFF file.")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.png|OUT.npy",
            description = "File to write: a picture (.png) or the values (.npy).")
    Path out;

    @Mixin
    SpectrogramOptions options;

    @Mixin
    PictureSize size;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".npy")) {
            throw new UsageException("--out must end in .png or .npy, not '" + out.getFileName() + "'");
        }
        if (png) {
            size.check(SpectrogramPicture.MIN_WIDTH, SpectrogramPicture.MIN_HEIGHT);
        }
        var encoder = options.encoder();
        MonoAudio audio = AudioReader.read(input);
        Spectrogram s = encoder.encode(audio);
        if (png) {
            SpectrogramPicture.write(s, size.width, size.height, out);
        } else {
            Npy.write(s.values(), out);
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "muse4j: %s: %d frames x %d bins of %s from %.1f s of "
                + "audio%n", out, s.frames(), s.bins(), s.kind().description(), audio.seconds());
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
