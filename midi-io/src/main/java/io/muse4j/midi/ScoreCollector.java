package io.muse4j.midi;

import io.muse4j.core.score.ControlChange;
import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Metadata;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Gathers what the tracks of one file hold, under the reader's caps on notes and events, then builds the score. */
final class ScoreCollector {
    final boolean smpte;
    final int resolution;
    private final int smpteMicrosPerQuarter;
    final List<Note> notes = new ArrayList<>();
    final List<ControlChange> controls = new ArrayList<>();
    final Map<Long, TempoChange> tempos = new TreeMap<>();
    final Map<Long, TimeSignature> meters = new TreeMap<>();
    final Map<Long, KeySignature> keys = new TreeMap<>();
    private final List<String> trackNames = new ArrayList<>();
    private int notesStarted;
    private int eventsKept;

    ScoreCollector(int division) {
        smpte = (division & 0x8000) != 0;
        if (smpte) {
            int fps = -(byte) (division >> 8);
            resolution = (fps == 29 ? 30 : fps) * (division & 0xFF);
            smpteMicrosPerQuarter = fps == 29 ? 1_001_001 : 1_000_000;
        } else {
            resolution = division;
            smpteMicrosPerQuarter = 0;
        }
    }

    /** Counts a note-on, sounding or not yet released, against {@link MidiReader#MAX_NOTES}. */
    void noteStarted(ByteCursor in, int at) throws MidiFormatException {
        if (++notesStarted > MidiReader.MAX_NOTES) {
            throw in.error(at, String.format(Locale.ROOT, "more than %,d notes, the most a file may hold here",
                    MidiReader.MAX_NOTES));
        }
    }

    /**
     * Counts a control change, tempo, time or key signature kept for the score (even one replaced later at its
     * tick) against {@link MidiReader#MAX_EVENTS}.
     */
    void eventKept(ByteCursor in, int at) throws MidiFormatException {
        if (++eventsKept > MidiReader.MAX_EVENTS) {
            throw in.error(at, String.format(Locale.ROOT, "more than %,d control changes, tempos, time and key "
                    + "signatures, the most a file may hold here", MidiReader.MAX_EVENTS));
        }
    }

    void trackName(int track, String name) {
        if (name.isEmpty()) {
            return;
        }
        while (trackNames.size() <= track) {
            trackNames.add("");
        }
        trackNames.set(track, name);
    }

    NoteSequence build() {
        List<TempoChange> tempoList = smpte ? List.of(new TempoChange(0, smpteMicrosPerQuarter))
                : List.copyOf(tempos.values());
        return new NoteSequence(resolution, notes, tempoList, List.copyOf(meters.values()),
                List.copyOf(keys.values()), controls, new Metadata(trackNames, Map.of()));
    }
}
