package io.muse4j.audio.transcription;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts frames into notes. Each frame gets a label: silent (quieter than {@link #SILENCE_BELOW_PEAK_DB} under the
 * loudest frame, or than {@link #ABSOLUTE_SILENCE_DB}), a semitone (the pitch rounded), or unknown (sounding but
 * unpitched). A note starts at every onset, at every change of semitone more than {@link #TAIL} after the last
 * onset (a slur, or an onset too soft to find), and at sound after silence. It takes the semitone held longest up
 * to the next start, counting frames more the further they are from the start, ends after the last frame holding
 * it, and is dropped when shorter than the minimum note length.
 */
final class NoteSegmenter {
    static final int SILENT = -1;
    static final int UNKNOWN = -2;
    static final double SILENCE_BELOW_PEAK_DB = 50;
    static final double ABSOLUTE_SILENCE_DB = -70;
    /** YIN's buffer reaches back half its length (23 ms, 2 frames): so long after an onset it hears the note before. */
    static final int SETTLE = FrameFeatures.PITCH_WINDOW / 2 / FrameFeatures.HOP;
    /**
     * For this many frames (9, 104 ms) after an onset the note before may still sound through the pitch (release
     * and reverb): a change of semitone there is the new note emerging, not another note.
     */
    static final int TAIL = FrameFeatures.frames(0.1);

    /** A transcribed note in seconds, with the loudest level it reached. */
    record Segment(int pitch, double start, double end, double peakDb) {
    }

    private NoteSegmenter() {
    }

    static List<Segment> segment(FrameFeatures f, int[] onsets, double minNoteSeconds) {
        int[] label = labels(f);
        int[] starts = starts(label, onsets);
        List<Segment> notes = new ArrayList<>();
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s];
            int to = s + 1 < starts.length ? starts[s + 1] : label.length;
            int pitch = heldLongest(label, from, to);
            if (pitch < 0) {
                continue;
            }
            int last = from;
            double peak = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                if (label[i] == pitch) {
                    last = i;
                }
            }
            for (int i = from; i <= last; i++) {
                peak = Math.max(peak, f.levelDb[i]);
            }
            double start = FrameFeatures.seconds(from);
            double end = FrameFeatures.seconds(last + 1);
            if (end - start >= minNoteSeconds) {
                notes.add(new Segment(pitch, start, end, peak));
            }
        }
        return notes;
    }

    static int[] labels(FrameFeatures f) {
        float loudest = Float.NEGATIVE_INFINITY;
        for (float v : f.levelDb) {
            loudest = Math.max(loudest, v);
        }
        double silence = Math.max(ABSOLUTE_SILENCE_DB, loudest - SILENCE_BELOW_PEAK_DB);
        int[] label = new int[f.frames()];
        for (int i = 0; i < label.length; i++) {
            float p = f.pitch[i];
            label[i] = f.levelDb[i] < silence ? SILENT
                    : Float.isNaN(p) || p < 0 || p > 127 ? UNKNOWN : Math.round(p);
        }
        return label;
    }

    /** Onsets, and changes of held semitone that no onset explains, rising. */
    static int[] starts(int[] label, int[] onsets) {
        List<Integer> starts = new ArrayList<>();
        int next = 0; // the next onset to take
        int held = SILENT; // the semitone last held, SILENT after silence
        boolean heldSinceStart = true; // a semitone was held since the last start (or there was none yet)
        int settled = 0; // the first frame after the last onset that YIN hears without the note before
        int lastOnset = -TAIL - 1;
        for (int i = 0; i < label.length; i++) {
            while (next < onsets.length && onsets[next] <= i) {
                starts.add(onsets[next]);
                settled = onsets[next] + SETTLE;
                lastOnset = onsets[next];
                heldSinceStart = false;
                next++;
            }
            if (label[i] == SILENT) {
                held = SILENT;
                heldSinceStart = true; // sound after silence starts a note, onset or not
            } else if (label[i] >= 0 && i >= settled) {
                if (heldSinceStart && label[i] != held && i - lastOnset > TAIL) {
                    starts.add(i);
                }
                held = label[i];
                heldSinceStart = true;
            }
        }
        return starts.stream().distinct().sorted().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The semitone held longest in {@code [from, to)}, or -1 for none. Frames count less the nearer they are to the
     * start (nothing in the first {@link #SETTLE}, fully after {@link #TAIL}), as the note before still rings there.
     */
    private static int heldLongest(int[] label, int from, int to) {
        double[] votes = new double[128];
        int best = -1;
        for (int i = from; i < to; i++) {
            if (label[i] >= 0) {
                votes[label[i]] += Math.min(1, Math.max(0, i - from - SETTLE + 1) / (double) (TAIL - SETTLE));
                best = best < 0 || votes[label[i]] > votes[best] ? label[i] : best;
            }
        }
        return best >= 0 && votes[best] > 0 ? best : -1;
    }
}
