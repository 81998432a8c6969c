package io.muse4j.midi.abc;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.util.List;

/** Small ABC tunes for tests, and their notes written as "pitch@start+duration". */
final class AbcTestTunes {
    private AbcTestTunes() {
    }

    /** A one-tune file: X:1, the given header lines (e.g. "M:2/8"), then K: and the body. */
    static String tune(String header, String key, String body) {
        return "X:1\nT:Test\n" + header.replace(";", "\n") + (header.isEmpty() ? "" : "\n") + "K:" + key + "\n" + body
                + "\n";
    }

    /** The only tune of a text, read strictly. */
    static AbcTune read(String text) throws AbcException {
        List<AbcTune> tunes = AbcReader.parse(text, "test.abc");
        if (tunes.size() != 1) {
            throw new AssertionError("expected one tune, read " + tunes.size());
        }
        return tunes.get(0);
    }

    /** Notes as "pitch@start+duration", in canonical order. */
    static List<String> notes(NoteSequence seq) {
        return seq.notes().stream().map(AbcTestTunes::note).toList();
    }

    static String note(Note n) {
        return n.pitch() + "@" + n.startTick() + "+" + n.durationTicks();
    }

    /** The pitches in order of onset (then pitch). */
    static List<Integer> pitches(NoteSequence seq) {
        return seq.notes().stream().map(Note::pitch).toList();
    }
}
