package io.muse4j.cli;

import io.muse4j.audio.WavRenderer;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Renders a MIDI file to WAV offline with the JDK's synthesizer. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render a MIDI file to WAV (44.1 kHz, 16-bit, stereo) with Gervill; no sound card is needed.",
                "Prints the file written."})
final class RenderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IN.mid", description = "MIDI file to play.")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.wav", description = "WAV file to write.")
    Path out;

    @Mixin
    SoundFontOption soundFont;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        NoteSequence seq = MidiReader.read(input).sequence();
        WavRenderer renderer = new WavRenderer(soundFont.load());
        render(renderer, seq, out, spec.commandLine().getErr());
        spec.commandLine().getOut().println(out);
        return 0;
    }

    /** Renders and reports the speed on standard error. */
    static void render(WavRenderer renderer, NoteSequence seq, Path wav, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        renderer.render(seq, wav);
        double wall = (System.nanoTime() - start) / 1e9;
        double audio = WavRenderer.frames(seq) / (double) WavRenderer.FORMAT.getFrameRate();
        err.println(String.format(Locale.ROOT, "muse4j: %s: %.1f s of audio in %.1f s (%.0fx real time) with %s",
                wav, audio, wall, audio / wall, renderer.soundFont().name()));
        err.flush();
    }
}
