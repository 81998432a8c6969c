package io.muse4j.cli;

import io.muse4j.audio.Pictures;
import picocli.CommandLine.Option;

/** The {@code --width} and {@code --height} of the commands that draw pictures. */
final class PictureSize {
    @Option(names = "--width", defaultValue = "1200", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "600", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    /** Fails with a usage error naming the side outside {@code min..}{@link Pictures#MAX_SIDE}. */
    void check(int minWidth, int minHeight) {
        check("--width", width, minWidth);
        check("--height", height, minHeight);
    }

    private static void check(String option, int side, int min) {
        if (side < min || side > Pictures.MAX_SIDE) {
            throw new UsageException(option + " must be between " + min + " and " + Pictures.MAX_SIDE + " pixels, not "
                    + side);
        }
    }
}
