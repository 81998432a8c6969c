package io.muse4j.cli;

import io.muse4j.midi.live.LiveSettings;
import picocli.CommandLine.Option;

/** How 'muse4j live' takes turns: when a call ends, how long the answer is, what playing during it does. */
final class LiveOptions {
    @Option(names = "--silence-ms", defaultValue = "600", paramLabel = "MS",
            description = "Silence, with no key held, that ends a call (default: ${DEFAULT-VALUE}, as in AI Duet).")
    int silenceMs;

    @Option(names = "--max-call-s", defaultValue = "8", paramLabel = "S",
            description = "Longest call; a longer one is cut off and answered (default: ${DEFAULT-VALUE}).")
    double maxCallSeconds;

    @Option(names = "--end-cc", paramLabel = "CC",
            description = "A controller (0-127) whose message, at 64 or more, ends a call at once (a pedal).")
    Integer endController;

    @Option(names = "--response-bars", paramLabel = "N",
            description = "Answer with N bars of 4/4 at --bpm, instead of as long as the call.")
    Integer responseBars;

    @Option(names = "--response-match", description = "Answer for as long as the call lasted (the default).")
    boolean responseMatch;

    @Option(names = "--while-responding", defaultValue = "interrupt", paramLabel = "interrupt|queue",
            description = "A key played during an answer stops it (interrupt) or waits its turn (queue) "
                    + "(default: ${DEFAULT-VALUE}).")
    LiveSettings.WhileResponding whileResponding;

    @Option(names = "--bpm", defaultValue = "120",
            description = "Tempo of calls, for models on a beat grid, and of the recording (default: ${DEFAULT-VALUE}).")
    double bpm;

    @Option(names = "--channel", defaultValue = "2", paramLabel = "1-16",
            description = "MIDI channel of the answers (default: ${DEFAULT-VALUE}).")
    int channel;

    /** The settings, for an input and output that are one port or not; a bad value is a usage error. */
    LiveSettings settings(boolean samePort) {
        if (responseMatch && responseBars != null) {
            throw new UsageException("give --response-bars or --response-match, not both");
        }
        if (responseBars != null && responseBars < 1) {
            throw new UsageException("--response-bars " + responseBars + " must be at least 1");
        }
        if (channel < 1 || channel > 16) {
            throw new UsageException("--channel " + channel + " must be between 1 and 16");
        }
        try {
            return new LiveSettings(silenceMs, maxCallSeconds, endController == null ? -1 : endController,
                    responseBars == null ? 0 : responseBars, whileResponding, channel - 1, bpm, samePort);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
