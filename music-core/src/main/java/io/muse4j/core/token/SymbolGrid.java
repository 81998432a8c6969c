package io.muse4j.core.token;

import io.muse4j.core.transform.Transforms;

/** A four-voice roll as a grid of part symbols ([step][part], {@link ChoraleParts}) and back. */
public final class SymbolGrid {
    private SymbolGrid() {
    }

    /**
     * The roll's symbols, moved by {@code shift} semitones, {@code length} steps long (resting past the roll's end);
     * a pitch outside its part's range moves by octaves into it.
     */
    public static int[][] of(VoiceRoll roll, ChoraleParts parts, int shift, int length) {
        int[][] grid = new int[length][ChoraleParts.COUNT];
        for (int s = 0; s < length; s++) {
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                int pitch = s < roll.length() ? roll.pitch(s, p) : VoiceRoll.REST;
                if (pitch == VoiceRoll.REST) {
                    grid[s][p] = parts.rest(p);
                } else if (!roll.onset(s, p)) {
                    grid[s][p] = parts.hold(p);
                } else {
                    grid[s][p] = parts.fold(Transforms.foldIntoRange(pitch + shift, 0, 127), p) - parts.lows()[p];
                }
            }
        }
        return grid;
    }

    /** The roll the symbols spell, moved back by {@code shift}; a hold with nothing sounding is a rest. */
    public static VoiceRoll roll(int[][] grid, ChoraleParts parts, int shift) {
        int[][] pitches = new int[grid.length][ChoraleParts.COUNT];
        boolean[][] onsets = new boolean[grid.length][ChoraleParts.COUNT];
        for (int s = 0; s < grid.length; s++) {
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                int pitch = parts.pitch(p, grid[s][p]);
                if (pitch >= 0) {
                    pitches[s][p] = Transforms.foldIntoRange(pitch - shift, 0, 127);
                    onsets[s][p] = true;
                } else if (grid[s][p] == parts.hold(p) && s > 0) {
                    pitches[s][p] = pitches[s - 1][p];
                } else {
                    pitches[s][p] = VoiceRoll.REST;
                }
            }
        }
        return new VoiceRoll(pitches, onsets);
    }

    /**
     * Strikes again, where the fixed cells begin, each note held over from a free cell ([step][part]) into a fixed
     * one: the note whose start may change is the free cell's, and the fixed cell keeps its pitch.
     */
    public static void strikeHeldOver(int[][] grid, ChoraleParts parts, boolean[][] free) {
        for (int s = 1; s < free.length; s++) {
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                if (!free[s][p] && free[s - 1][p] && grid[s][p] == parts.hold(p)) {
                    grid[s][p] = struck(grid, parts, s, p);
                }
            }
        }
    }

    /** The symbol of a pitch struck afresh where a grid holds it, for a held note whose start may change. */
    public static int struck(int[][] grid, ChoraleParts parts, int step, int part) {
        for (int s = step; s >= 0; s--) {
            int symbol = grid[s][part];
            if (symbol != parts.hold(part)) {
                return symbol;
            }
        }
        return parts.rest(part);
    }

    /** The four pitches sounding at a step (in the parts' ranges), or null where a part rests. */
    public static int[] chord(int[][] grid, ChoraleParts parts, int step) {
        int[] chord = new int[ChoraleParts.COUNT];
        for (int p = 0; p < ChoraleParts.COUNT; p++) {
            chord[p] = parts.pitch(p, struck(grid, parts, step, p));
            if (chord[p] < 0) {
                return null;
            }
        }
        return chord;
    }
}
