package io.muse4j.models.minibach;

import io.muse4j.core.score.Check;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.core.transform.Transforms;

import java.util.Arrays;

/**
 * The four parts of a chorale window as mini-bach reads and writes them: each part's step is one symbol, a pitch
 * of its range (ids 0..n-1, lowest first), a rest (id n) or a hold of the note before (id n+1), as in Briot et
 * al.'s mini-bach. Part 0 (soprano) is the input; parts 1..3 (alto, tenor, bass) the output.
 *
 * @param lows each part's lowest pitch
 * @param highs each part's highest pitch
 */
record Parts(int[] lows, int[] highs) {
    /** Soprano, alto, tenor, bass. */
    static final int COUNT = 4;
    static final String[] NAMES = {"soprano", "alto", "tenor", "bass"};

    Parts {
        if (lows.length != COUNT || highs.length != COUNT) {
            throw new IllegalArgumentException("mini-bach has " + COUNT + " parts, not " + lows.length);
        }
        for (int p = 0; p < COUNT; p++) {
            Check.range(NAMES[p] + "'s lowest pitch", lows[p], 0, 127);
            Check.range(NAMES[p] + "'s highest pitch", highs[p], lows[p], 127);
        }
        lows = lows.clone();
        highs = highs.clone();
    }

    /** The parts' ranges over every pitch the rolls sound, voice i as part i. */
    static Parts spanning(Iterable<VoiceRoll> rolls) {
        int[] lows = new int[COUNT];
        int[] highs = new int[COUNT];
        Arrays.fill(lows, 127);
        Arrays.fill(highs, 0);
        for (VoiceRoll roll : rolls) {
            for (int s = 0; s < roll.length(); s++) {
                for (int p = 0; p < COUNT; p++) {
                    int pitch = roll.pitch(s, p);
                    if (pitch != VoiceRoll.REST) {
                        lows[p] = Math.min(lows[p], pitch);
                        highs[p] = Math.max(highs[p], pitch);
                    }
                }
            }
        }
        for (int p = 0; p < COUNT; p++) {
            if (lows[p] > highs[p]) {
                throw new IllegalArgumentException("the " + NAMES[p] + " never sounds in the training chorales");
            }
        }
        return new Parts(lows, highs);
    }

    /** Symbols of a part: its pitches, a rest and a hold. */
    int symbols(int part) {
        return highs[part] - lows[part] + 3;
    }

    int rest(int part) {
        return symbols(part) - 2;
    }

    int hold(int part) {
        return symbols(part) - 1;
    }

    /** The symbol of a voice's step; a pitch outside the part's range moves by octaves into it. */
    int symbol(VoiceRoll roll, int step, int voice, int part) {
        int pitch = roll.pitch(step, voice);
        if (pitch == VoiceRoll.REST) {
            return rest(part);
        }
        if (!roll.onset(step, voice)) {
            return hold(part);
        }
        return fold(pitch, part) - lows[part];
    }

    /** A pitch moved by octaves into the part's range ({@link Transforms#foldIntoRange}). */
    int fold(int pitch, int part) {
        return Transforms.foldIntoRange(pitch, lows[part], highs[part]);
    }

    /** The pitch a symbol names; -1 for a rest or a hold. */
    int pitch(int part, int symbol) {
        return symbol < rest(part) ? lows[part] + symbol : -1;
    }

    /** The middle of a part's range, where a melody is moved to. */
    double centre(int part) {
        return (lows[part] + highs[part]) / 2.0;
    }
}
