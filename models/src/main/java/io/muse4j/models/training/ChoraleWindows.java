package io.muse4j.models.training;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.token.VoiceRoll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fixed-length windows of chorale rolls, as the window models (mini-bach, DeepHear) train on them: every window of
 * {@code window} steps starting every {@code hop} steps, and batches of them in an order shuffled afresh, seeded,
 * for each epoch. A window is cut from its roll only when a batch takes it.
 */
public final class ChoraleWindows {
    private final List<Place> places;
    private final int size;
    private final long seed;
    private long epoch = -1;
    private List<Place> order;

    /** Batches of {@code size} (fewer when there are fewer windows) of the rolls' windows, seeded by {@code seed}. */
    public ChoraleWindows(List<VoiceRoll> rolls, int window, int hop, int size, long seed) {
        this.places = places(rolls, window, hop);
        this.size = Math.max(1, Math.min(size, places.size()));
        this.seed = seed;
    }

    /** Every window of {@code window} steps starting every {@code hop} steps. */
    public static List<VoiceRoll> of(List<VoiceRoll> rolls, int window, int hop) {
        return places(rolls, window, hop).stream().map(Place::window).toList();
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
    public List<VoiceRoll> batch(long step) {
        long wanted = step / perEpoch();
        if (wanted != epoch) {
            epoch = wanted;
            order = new ArrayList<>(places);
            Collections.shuffle(order, new Random(Seeds.mix(seed, epoch)));
        }
        int from = (int) (step % perEpoch()) * size;
        return order.subList(from, from + size).stream().map(Place::window).toList();
    }

    private static List<Place> places(List<VoiceRoll> rolls, int window, int hop) {
        List<Place> places = new ArrayList<>();
        for (VoiceRoll roll : rolls) {
            for (int from = 0; from + window <= roll.length(); from += hop) {
                places.add(new Place(roll, from, window));
            }
        }
        return places;
    }

    /** A window of a roll: its steps {@code from} to {@code from + length}. */
    private record Place(VoiceRoll roll, int from, int length) {
        VoiceRoll window() {
            return roll.slice(from, from + length);
        }
    }
}
