package io.muse4j.midi.abc;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.AbcTokenizer;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abc encoding on the folk corpus: every MIDI tune (repeats written out) comes back from its tokens exactly as
 * {@code normalize} gives it, most get repeat signs, and the pickups that the ABC reader knows from the bar lines
 * are found again from the notes alone.
 */
class AbcTokensCorpusTest {
    private final AbcTokenizer abc = new AbcTokenizer();

    @Test
    void everyFolkMidiTuneComesBackFromItsTokens() throws Exception {
        int tunes = 0;
        int withRepeats = 0;
        int monophonic = 0;
        int stressed = 0;
        long tokens = 0;
        for (Path file : SharedCorpora.midiFiles("folk-abc/MIDI")) {
            NoteSequence tune = MidiReader.read(file).sequence();
            int[] encoded = abc.encode(tune);
            NoteSequence normal = abc.normalize(tune);
            assertEquals(normal, abc.decode(encoded), file.toString());
            if (tune.notes().size() == normal.notes().size()) { // one melody, no accompaniment
                monophonic++;
                stressed += downbeatsKept(tune.notes(), normal.notes()) ? 1 : 0;
            }
            tunes++;
            tokens += encoded.length;
            for (int token : encoded) {
                if (abc.vocabulary().name(token).equals(":|")) {
                    withRepeats++;
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "abc tokens: %d tunes, %.0f tokens a tune, %.1f%% with repeat signs, "
                + "downbeats found in %d of %d one-track tunes%n", tunes, (double) tokens / tunes,
                100.0 * withRepeats / tunes, stressed, monophonic);
        assertEquals(1195, tunes);
        assertTrue(withRepeats > tunes * 0.8, withRepeats + " of " + tunes + " tunes have repeat signs");
        assertTrue(stressed > monophonic * 0.95, stressed + " of " + monophonic + " tunes have their downbeats found");
    }

    /**
     * Whether the bars found put the notes that the file stresses as downbeats (velocity 105 and more, as abc2midi
     * writes them) on downbeats, and no others, over the first 32 notes after the first: abc2midi stresses the first
     * note of a pickup too, and counts bars as written, so a tune with an irregular bar goes out of step later.
     */
    private static boolean downbeatsKept(List<Note> original, List<Note> found) {
        for (int i = 1; i < Math.min(33, found.size()); i++) {
            if ((original.get(i).velocity() >= 105) != (found.get(i).velocity() >= 105)) {
                return false;
            }
        }
        return true;
    }

    /** The silence before the first note that puts the bars right: the rest of a pickup bar (1/8 then 6/8). */
    private static long leadIn(NoteSequence normal) {
        List<TimeSignature> meters = normal.timeSignatures();
        return meters.size() < 2 ? normal.notes().get(0).startTick()
                : normal.bars().barLength(meters.get(1)) - meters.get(1).tick();
    }

    /** Without stresses (the ABC reader plays every note alike) the beats are found, and the downbeat less often. */
    @Test
    void pickupsAreFoundFromTheNotes() throws Exception {
        int tunes = 0;
        int right = 0;
        int beatRight = 0;
        for (AbcTune tune : AbcReader.readSkippingBad(SharedCorpora.resolve("folk-abc/CRE_clean.abc")).tunes()) {
            NoteSequence played = tune.sequence();
            if (played.notes().isEmpty()) {
                continue;
            }
            long lead = played.notes().get(0).startTick();
            List<Note> moved = new ArrayList<>();
            for (Note note : played.notes()) {
                moved.add(note.withTiming(note.startTick() - lead, note.durationTicks()));
            }
            long found = leadIn(abc.normalize(played.withNotes(moved)));
            long expected = Math.round(lead * 480.0 / played.resolution());
            tunes++;
            right += found == expected ? 1 : 0;
            long beat = played.initialTimeSignature().denominator() == 8 ? 720 : 1920L / played.initialTimeSignature()
                    .denominator();
            beatRight += (found - expected) % beat == 0 ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "abc pickups from unstressed notes: beats right in %d of %d tunes (%.1f%%), "
                + "bars in %d (%.1f%%)%n", beatRight, tunes, 100.0 * beatRight / tunes, right, 100.0 * right / tunes);
        assertTrue(beatRight > tunes * 0.9, beatRight + " of " + tunes);
    }
}
