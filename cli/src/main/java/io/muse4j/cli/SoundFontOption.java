package io.muse4j.cli;

import io.muse4j.audio.SoundFont;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The {@code --soundfont} option of the commands that make audio. */
final class SoundFontOption {
    @Option(names = "--soundfont", paramLabel = "FILE.sf2",
            description = "SoundFont (SF2) or DLS file (default: /usr/share/sounds/sf2/FluidR3_GM.sf2 if installed, "
                    + "else the JDK's built-in sounds).")
    Path file;

    /** The chosen sounds; fails naming the file when it cannot be used. */
    SoundFont load() throws IOException {
        return SoundFont.choose(file);
    }
}
