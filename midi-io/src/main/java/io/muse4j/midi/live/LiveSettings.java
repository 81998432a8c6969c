package io.muse4j.midi.live;

import io.muse4j.core.score.Check;

/**
 * How a live session takes turns.
 *
 * @param silenceMs the silence, with no key held, that ends a call
 * @param maxCallSeconds the longest call; a call is cut off there
 * @param endController a controller whose message (value 64 or more) ends a call at once, or -1 for none
 * @param responseBars the response's length in bars of 4/4 at {@code bpm}, or 0 to match the call's length
 * @param whileResponding what a key played during a response does
 * @param responseChannel the MIDI channel (0..15) responses are played on
 * @param bpm the tempo calls are written at, for encodings on a beat grid, and of the recording
 * @param samePort whether input and output are one port: input on the response channel is then its echo, ignored
 */
public record LiveSettings(int silenceMs, double maxCallSeconds, int endController, int responseBars,
                           WhileResponding whileResponding, int responseChannel, double bpm, boolean samePort) {
    /** The default silence that ends a call, as in AI Duet. */
    public static final int DEFAULT_SILENCE_MS = 600;

    /** What a key played during a response does. */
    public enum WhileResponding {
        /** The response stops and the key starts a new call. */
        INTERRUPT,
        /** The response plays on; the key starts the next call, answered when the response has finished. */
        QUEUE
    }

    public LiveSettings {
        Check.range("silence (ms)", silenceMs, 50, 60_000);
        if (!(maxCallSeconds >= 1 && maxCallSeconds <= 600)) {
            throw new IllegalArgumentException("longest call " + maxCallSeconds + " s outside 1..600");
        }
        Check.range("end controller", endController, -1, 127);
        Check.range("response bars", responseBars, 0, 64);
        Check.range("response channel", responseChannel, 0, 15);
        if (!(bpm >= 20 && bpm <= 400)) {
            throw new IllegalArgumentException("tempo " + bpm + " bpm outside 20..400");
        }
        if (whileResponding == null) {
            throw new IllegalArgumentException("what to do while responding must be given");
        }
    }

    /** The defaults: 600 ms of silence, 8 s calls, no end controller, responses as long as calls, interrupting. */
    public static LiveSettings defaults() {
        return new LiveSettings(DEFAULT_SILENCE_MS, 8, -1, 0, WhileResponding.INTERRUPT, 1, 120, false);
    }

    /** How long the answer to a call lasting {@code callSeconds} should be. */
    double responseSeconds(double callSeconds) {
        return responseBars > 0 ? responseBars * 4 * 60 / bpm : callSeconds;
    }
}
