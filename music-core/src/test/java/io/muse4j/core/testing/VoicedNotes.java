package io.muse4j.core.testing;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A score's notes as sorted text, pitch@onset+length#voice, with onsets and lengths in quarter notes and voices counted
 * from the lowest track: what two readings of one score share whatever their resolution and track numbering, so
 * tests can compare a kern file with its MIDI version, or a score with the file it was written to.
 */
public final class VoicedNotes {
    private VoicedNotes() {
    }

    /** The notes of {@code score}, one string each, sorted. */
    public static List<String> of(NoteSequence score) {
        int first = score.notes().stream().mapToInt(Note::track).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (Note n : score.notes()) {
            out.add(n.pitch() + "@" + (double) n.startTick() / score.resolution() + "+"
                    + (double) n.durationTicks() / score.resolution() + "#" + (n.track() - first));
        }
        Collections.sort(out);
        return out;
    }
}
