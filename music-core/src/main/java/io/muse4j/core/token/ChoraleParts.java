package io.muse4j.core.token;

import io.muse4j.core.score.Check;
import io.muse4j.core.transform.Transforms;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The four parts of a chorale (soprano, alto, tenor, bass) as the chorale models read and write them: each part's
 * step is one symbol, a pitch of its range (ids 0..n-1, lowest first), a rest (id n) or a hold of the note before
 * (id n+1), as in Briot et al.'s mini-bach and Hadjeres et al.'s DeepBach.
 *
 * @param lows each part's lowest pitch
 * @param highs each part's highest pitch
 */
public record ChoraleParts(int[] lows, int[] highs) {
    /** Soprano, alto, tenor, bass. */
    public static final int COUNT = 4;
    public static final List<String> NAMES = List.of("soprano", "alto", "tenor", "bass");

    public ChoraleParts {
        if (lows.length != COUNT || highs.length != COUNT) {
            throw new IllegalArgumentException("a chorale has " + COUNT + " parts, not " + lows.length);
        }
        for (int p = 0; p < COUNT; p++) {
            Check.range(NAMES.get(p) + "'s lowest pitch", lows[p], 0, 127);
            Check.range(NAMES.get(p) + "'s highest pitch", highs[p], lows[p], 127);
        }
        lows = lows.clone();
        highs = highs.clone();
    }

    /** The parts' ranges over every pitch the rolls sound, voice i as part i. */
    public static ChoraleParts spanning(Iterable<VoiceRoll> rolls) {
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
                throw new IllegalArgumentException("the " + NAMES.get(p) + " never sounds in the training chorales");
            }
        }
        return new ChoraleParts(lows, highs);
    }

    /** The parts' ranges as a model file's config numbers: {@code low0}, {@code high0}, ... {@code high3}. */
    public void putConfig(Map<String, Number> config) {
        for (int p = 0; p < COUNT; p++) {
            config.put("low" + p, lows[p]);
            config.put("high" + p, highs[p]);
        }
    }

    /** The parts whose ranges a model file's config holds ({@link #putConfig}). */
    public static ChoraleParts ofConfig(Map<String, Number> config) {
        int[] lows = new int[COUNT];
        int[] highs = new int[COUNT];
        for (int p = 0; p < COUNT; p++) {
            lows[p] = config.get("low" + p).intValue();
            highs[p] = config.get("high" + p).intValue();
        }
        return new ChoraleParts(lows, highs);
    }

    /** Symbols of a part: its pitches, a rest and a hold. */
    public int symbols(int part) {
        return highs[part] - lows[part] + 3;
    }

    public int rest(int part) {
        return symbols(part) - 2;
    }

    public int hold(int part) {
        return symbols(part) - 1;
    }

    /** The symbol of a voice's step; a pitch outside the part's range moves by octaves into it. */
    public int symbol(VoiceRoll roll, int step, int voice, int part) {
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
    public int fold(int pitch, int part) {
        return Transforms.foldIntoRange(pitch, lows[part], highs[part]);
    }

    /** The pitch a symbol names; -1 for a rest or a hold. */
    public int pitch(int part, int symbol) {
        return symbol < rest(part) ? lows[part] + symbol : -1;
    }

    /** The middle of a part's range, where a melody is moved to. */
    public double centre(int part) {
        return (lows[part] + highs[part]) / 2.0;
    }

    /**
     * The semitones that move voice 0 of a roll (a melody, or a chorale's soprano) into the soprano's range nearest
     * its middle (nearest the range, if it does not fit); 0 for a silent voice.
     */
    public int transposition(VoiceRoll melody) {
        int low = 128;
        int high = -1;
        double sum = 0;
        int sounding = 0;
        for (int s = 0; s < melody.length(); s++) {
            int pitch = melody.pitch(s, 0);
            if (pitch != VoiceRoll.REST) {
                low = Math.min(low, pitch);
                high = Math.max(high, pitch);
                sum += pitch;
                sounding++;
            }
        }
        if (sounding == 0) {
            return 0;
        }
        double mean = sum / sounding;
        int best = 0;
        double bestCost = Double.MAX_VALUE;
        for (int shift = -low; shift <= 127 - high; shift++) {
            boolean fits = low + shift >= lows[0] && high + shift <= highs[0];
            double cost = (fits ? 0 : 1000) + Math.abs(mean + shift - centre(0));
            if (cost < bestCost) {
                bestCost = cost;
                best = shift;
            }
        }
        return best;
    }
}
