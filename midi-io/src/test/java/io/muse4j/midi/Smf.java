package io.muse4j.midi;

import java.io.ByteArrayOutputStream;

/** Hand-built Standard MIDI File bytes for tests: a header and tracks given as raw event bytes. */
final class Smf {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Smf header(int format, int tracks, int division) {
        Smf smf = new Smf();
        smf.raw('M', 'T', 'h', 'd', 0, 0, 0, 6, 0, format, tracks >> 8, tracks & 0xFF, division >> 8, division & 0xFF);
        return smf;
    }

    /** A track chunk holding the given event bytes, with its true length. */
    Smf track(int... events) {
        raw('M', 'T', 'r', 'k');
        raw(events.length >> 24, events.length >> 16, events.length >> 8, events.length);
        return raw(events);
    }

    /** Any bytes, as given. */
    Smf raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
