package io.muse4j.models.training;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.VoiceRoll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fixed-length windows of rolls, as the window models (mini-bach, DeepHear on chorales' voice rolls, the C-RBM on
 * piano rolls) train on them: every window of {@code window} steps starting every {@code hop} steps, and batches of
 * them in an order shuffled afresh, seeded, for each epoch. A window is cut from its roll only when a batch takes it.
 *
 * @param <R> the rolls' type
 */
public final class RollWindows<R> {
    /** How a kind of roll is measured and cut. */
    public interface Cutter<R> {
        /** Steps of the roll. */
        int length(R roll);

        /** Its steps {@code from} (inclusive) to {@code to} (exclusive). */
        R slice(R roll, int from, int to);
    }

    /** Voice rolls: four-part chorales. */
    public static final Cutter<VoiceRoll> VOICES = new Cutter<>() {
        @Override
        public int length(VoiceRoll roll) {
            return roll.length();
        }

        @Override
        public VoiceRoll slice(VoiceRoll roll, int from, int to) {
            return roll.slice(from, to);
        }
    };

    /** Piano rolls. */
    public static final Cutter<PianoRoll> FRAMES = new Cutter<>() {
        @Override
        public int length(PianoRoll roll) {
            return roll.length();
        }

        @Override
        public PianoRoll slice(PianoRoll roll, int from, int to) {
            return roll.slice(from, to);
        }
    };

    private final List<Place<R>> places;
    private final int size;
    private final long seed;
    private long epoch = -1;
    private List<Place<R>> order;

    /** Batches of {@code size} (fewer when there are fewer windows) of the rolls' windows, seeded by {@code seed}. */
    public RollWindows(List<R> rolls, Cutter<R> cutter, int window, int hop, int size, long seed) {
        this.places = places(rolls, cutter, window, hop);
        this.size = Math.max(1, Math.min(size, places.size()));
        this.seed = seed;
    }

    /** Every window of {@code window} steps starting every {@code hop} steps. */
    public static <R> List<R> of(List<R> rolls, Cutter<R> cutter, int window, int hop) {
        return places(rolls, cutter, window, hop).stream().map(Place::window).toList();
    }

    /** Windows in all. */
    public int count() {
        return places.size();
    }

    /** Batches in an epoch. */
    public int perEpoch() {
        return places.size() / size;
    }

    /** The batch of a training step. */
    public List<R> batch(long step) {
        long wanted = step / perEpoch();
        if (wanted != epoch) {
            epoch = wanted;
            order = new ArrayList<>(places);
            Collections.shuffle(order, new Random(Seeds.mix(seed, epoch)));
        }
        int from = (int) (step % perEpoch()) * size;
        return order.subList(from, from + size).stream().map(Place::window).toList();
    }

    private static <R> List<Place<R>> places(List<R> rolls, Cutter<R> cutter, int window, int hop) {
        List<Place<R>> places = new ArrayList<>();
        for (R roll : rolls) {
            for (int from = 0; from + window <= cutter.length(roll); from += hop) {
                places.add(new Place<>(roll, cutter, from, window));
            }
        }
        return places;
    }

    /** A window of a roll: its steps {@code from} to {@code from + length}. */
    private record Place<R>(R roll, Cutter<R> cutter, int from, int length) {
        R window() {
            return cutter.slice(roll, from, from + length);
        }
    }
}
