package io.muse4j.models.deephear;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.SymbolGrid;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.models.kind.LatentModel;
import io.muse4j.models.sampling.Sampler;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * DeepHear's code space: windows of four-part chorales (one track per part, soprano first), codes drawn from the
 * prior fitted in training, a piece's code that of its first window.
 *
 * @param model the DeepHear
 */
record DeepHearLatent(DeepHear model) implements LatentModel {
    /** Ticks per quarter note of the windows written. */
    private static final int RESOLUTION = 480;

    @Override
    public int size() {
        return model.shape().code();
    }

    @Override
    public double[][] prior(int count, Random random) {
        return model.prior(count, random);
    }

    /**
     * The code of the piece's first window, rests filling it where the piece is shorter. A piece with four or more
     * pitched tracks gives its first four as the parts; one with two or three, numbered within 0..3, is a chorale
     * whose other parts rest (a window cut from one), read by track number.
     */
    @Override
    public double[] encode(NoteSequence piece, String name, Consumer<String> notices) {
        List<Integer> tracks = piece.notes().stream().filter(n -> !n.drum()).map(Note::track).distinct().sorted()
                .toList();
        boolean partsResting = tracks.size() >= 2 && tracks.get(tracks.size() - 1) < ChoraleParts.COUNT;
        if (tracks.size() < ChoraleParts.COUNT && !partsResting) {
            throw new IllegalArgumentException(name + ": a deephear model reads four-part pieces, one track per part "
                    + "(soprano, alto, tenor, bass), but this piece has " + tracks.size() + " tracks");
        }
        if (tracks.size() < ChoraleParts.COUNT) {
            notices.accept(name + " has " + tracks.size() + " tracks: read by number as "
                    + String.join(", ", tracks.stream().map(ChoraleParts.NAMES::get).toList())
                    + ", the other parts resting");
        }
        if (tracks.size() > ChoraleParts.COUNT) {
            notices.accept(name + " has " + tracks.size() + " tracks: its first four are read as soprano, alto, "
                    + "tenor and bass");
        }
        VoiceRoll roll = tracks.size() >= ChoraleParts.COUNT ? VoiceRoll.of(piece, ChoraleParts.COUNT,
                stepsPerQuarter()) : byTrackNumber(piece);
        if (roll.length() < windowSteps()) {
            notices.accept(String.format(Locale.ROOT, "%s lasts %d grid steps: rests fill the rest of the model's "
                    + "window of %d", name, roll.length(), windowSteps()));
        }
        int[][] grid = SymbolGrid.of(roll.slice(0, Math.min(roll.length(), windowSteps())), model.parts(), 0,
                windowSteps());
        return model.encode(model.input(List.<int[][]>of(grid))).toDoubleVector();
    }

    /** Voice v of the roll is track v of the piece (resting where the track has no notes). */
    private VoiceRoll byTrackNumber(NoteSequence piece) {
        VoiceRoll[] parts = new VoiceRoll[ChoraleParts.COUNT];
        int length = 0;
        for (int v = 0; v < parts.length; v++) {
            int track = v;
            parts[v] = VoiceRoll.of(piece.withNotes(piece.notes().stream().filter(n -> !n.drum() && n.track() == track)
                    .toList()), 1, stepsPerQuarter());
            length = Math.max(length, parts[v].length());
        }
        int[][] pitches = new int[length][ChoraleParts.COUNT];
        boolean[][] onsets = new boolean[length][ChoraleParts.COUNT];
        for (int s = 0; s < length; s++) {
            for (int v = 0; v < parts.length; v++) {
                pitches[s][v] = s < parts[v].length() ? parts[v].pitch(s, 0) : VoiceRoll.REST;
                onsets[s][v] = s < parts[v].length() && parts[v].onset(s, 0);
            }
        }
        return new VoiceRoll(pitches, onsets);
    }

    @Override
    public List<NoteSequence> decode(double[][] codes, double temperature, long seed) {
        int[][][] grids = model.grids(codes, new Sampler(temperature, 0, 1, seed));
        return Arrays.stream(grids).map(this::score).toList();
    }

    /** A window's symbols as a four-track score. */
    NoteSequence score(int[][] grid) {
        return SymbolGrid.roll(grid, model.parts(), 0).toScore(new GridConfig(stepsPerQuarter(), RESOLUTION,
                GridConfig.SIXTEENTHS.microsPerQuarter(), GridConfig.SIXTEENTHS.velocity()));
    }

    @Override
    public int windowSteps() {
        return model.shape().window();
    }

    @Override
    public int stepsPerQuarter() {
        return model.shape().stepsPerQuarter();
    }
}
