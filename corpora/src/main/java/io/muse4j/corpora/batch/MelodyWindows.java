package io.muse4j.corpora.batch;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.core.transform.Voices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MusicVAE's data: windows of whole 4/4 bars of the melody encoding ({@link MelodyTokenizer}, which keeps the highest
 * voice of a polyphonic score), one starting at every bar line. Pieces in other meters are left out, and windows
 * sounding for less than half their steps ("mostly silence") are skipped; both are counted.
 */
public final class MelodyWindows {
    /** Windows must sound for at least this share of their steps. */
    public static final double MIN_SOUNDING_SHARE = 0.5;

    /**
     * The windows of a corpus and what was left out.
     *
     * @param windows token windows, each of bars x stepsPerBar tokens
     * @param pieces pieces read
     * @param otherMeters pieces left out for a meter other than 4/4 or 2/2
     * @param silentWindows windows skipped as mostly silence
     */
    public record Extraction(List<int[]> windows, int pieces, int otherMeters, int silentWindows) {
        /** One line saying what was kept and skipped. */
        public String report() {
            return String.format(java.util.Locale.ROOT, "%,d windows from %d pieces; skipped %d pieces in other "
                    + "meters than 4/4 and %,d mostly silent windows", windows.size(), pieces - otherMeters,
                    otherMeters, silentWindows);
        }
    }

    private final MelodyTokenizer tokenizer;
    private final int bars;
    private final int stepsPerBar;

    /** Windows of {@code bars} bars of {@code stepsPerBar} tokens of {@code tokenizer}. */
    public MelodyWindows(MelodyTokenizer tokenizer, int bars, int stepsPerBar) {
        Check.atLeast("bars", bars, 1);
        Check.atLeast("steps per bar", stepsPerBar, 1);
        this.tokenizer = tokenizer;
        this.bars = bars;
        this.stepsPerBar = stepsPerBar;
    }

    /** Tokens per window. */
    public int steps() {
        return bars * stepsPerBar;
    }

    /** The windows of every piece in 4/4 or 2/2. */
    public Extraction extract(List<NoteSequence> scores) {
        List<int[]> windows = new ArrayList<>();
        int otherMeters = 0;
        int silent = 0;
        for (NoteSequence score : scores) {
            if (!inCommonTime(score)) {
                otherMeters++;
                continue;
            }
            int[] tokens = tokenizer.encode(score);
            for (int start = 0; start + steps() <= tokens.length; start += stepsPerBar) {
                int[] window = Arrays.copyOfRange(tokens, start, start + steps());
                if (mostlySilent(window)) {
                    silent++;
                } else {
                    windows.add(window);
                }
            }
        }
        return new Extraction(windows, scores.size(), otherMeters, silent);
    }

    /** Whether every time signature of the score is 4/4 or 2/2 (a score without one is in 4/4). */
    public static boolean inCommonTime(NoteSequence score) {
        for (TimeSignature ts : score.timeSignatures()) {
            boolean common = ts.numerator() == 4 && ts.denominator() == 4 || ts.numerator() == 2 && ts.denominator() == 2;
            if (!common) {
                return false;
            }
        }
        return true;
    }

    /** Whether a window's notes sound for less than half its steps (a note held from before the window is not heard). */
    public static boolean mostlySilent(int[] window) {
        int sounding = 0;
        boolean on = false;
        for (int id : window) {
            if (id == MelodyTokenizer.NOTE_OFF) {
                on = false;
            } else if (id != MelodyTokenizer.NO_EVENT) {
                on = true;
            }
            sounding += on ? 1 : 0;
        }
        return sounding < MIN_SOUNDING_SHARE * window.length;
    }

    /**
     * The first window of one melody, for the commands that encode a file: fails naming the lengths when the melody
     * is shorter than a window.
     */
    public int[] first(NoteSequence score, String name) {
        int[] tokens = tokenizer.encode(score);
        if (tokens.length < steps()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s: its melody lasts %d "
                    + "sixteenths (%.1f bars), shorter than the model's window of %d bars", name, tokens.length,
                    tokens.length / (double) stepsPerBar, bars));
        }
        return Arrays.copyOf(tokens, steps());
    }

    /** How many pitched notes melody extraction drops from a score: 0 when it is already monophonic. */
    public static int droppedByExtraction(NoteSequence score) {
        long pitched = score.notes().stream().filter(n -> !n.drum()).count();
        return (int) (pitched - Voices.melody(score).notes().size());
    }
}
