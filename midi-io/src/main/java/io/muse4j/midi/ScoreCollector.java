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
import java.util.Map;
import java.util.TreeMap;

/** Gathers what the tracks of one file hold, then builds the score. */
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
