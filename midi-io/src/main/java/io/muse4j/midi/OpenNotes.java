package io.muse4j.midi;

import java.util.Arrays;

/** The notes of one pitch and channel that have started and not yet stopped, oldest first. */
final class OpenNotes {
    private long[] onsets = new long[2];
    private int[] velocities = new int[2];
    private int[] programs = new int[2];
    private int head;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void add(long onset, int velocity, int program) {
        if (head + size == onsets.length) {
            compactOrGrow();
        }
        int i = head + size++;
        onsets[i] = onset;
        velocities[i] = velocity;
        programs[i] = program;
    }

    long onset() {
        return onsets[head];
    }

    int velocity() {
        return velocities[head];
    }

    int program() {
        return programs[head];
    }

    void removeFirst() {
        head++;
        size--;
        if (size == 0) {
            head = 0;
        }
    }

    private void compactOrGrow() {
        int capacity = size * 2 > onsets.length ? onsets.length * 2 : onsets.length;
        onsets = Arrays.copyOf(Arrays.copyOfRange(onsets, head, head + size), capacity);
        velocities = Arrays.copyOf(Arrays.copyOfRange(velocities, head, head + size), capacity);
        programs = Arrays.copyOf(Arrays.copyOfRange(programs, head, head + size), capacity);
        head = 0;
    }
}
