package io.muse4j.core.score;

import java.util.Random;

/** Seeded random scores, for tests and for checking that models can learn a known pattern. */
public final class SyntheticScores {
    private SyntheticScores() {
    }

    /**
     * A polyphonic score with every feature the model holds: overlapping notes on several tracks and channels,
     * drums on channel 9, several programs, tempo, meter and key changes, sustain-pedal events and track names.
     */
    public static NoteSequence polyphonic(long seed, int noteCount) {
        Random random = new Random(seed);
        int resolution = new int[] {96, 220, 384, 480}[random.nextInt(4)];
        NoteSequenceBuilder b = NoteSequence.builder(resolution);
        long span = (long) noteCount * resolution / 2 + resolution;
        for (int i = 0; i < noteCount; i++) {
            boolean drum = random.nextInt(10) == 0;
            int channel = drum ? 9 : random.nextInt(4);
            int track = drum ? 2 : random.nextInt(2);
            b.note(new Note(drum ? 35 + random.nextInt(47) : 21 + random.nextInt(88), 1 + random.nextInt(127),
                    random.nextLong(span), 1 + random.nextInt(resolution * 3), drum ? 0 : channel * 8,
                    channel, drum, track));
        }
        b.tempo(new TempoChange(0, 300_000 + random.nextInt(700_000)));
        b.tempo(new TempoChange(span / 2, 300_000 + random.nextInt(700_000)));
        b.timeSignature(0, 4, 4).timeSignature(resolution * 16L, 3, 4).timeSignature(resolution * 22L, 6, 8);
        b.keySignature(0, random.nextInt(15) - 7, random.nextBoolean());
        for (long t = 0; t < span; t += resolution * 2L) {
            b.controlChange(new ControlChange(t + random.nextInt(resolution), ControlChange.SUSTAIN,
                    random.nextBoolean() ? 127 : 0, random.nextInt(4), 0));
        }
        return b.trackName(0, "piano").trackName(1, "strings").trackName(2, "drums").build();
    }

    /**
     * A monophonic line on a grid of {@code stepsPerQuarter} steps per quarter: pitches in {@code low..high},
     * each lasting one to eight steps, with occasional rests.
     */
    public static NoteSequence melody(long seed, int noteCount, int low, int high, int stepsPerQuarter) {
        Random random = new Random(seed);
        int resolution = 480;
        long step = resolution / stepsPerQuarter;
        NoteSequenceBuilder b = NoteSequence.builder(resolution);
        long tick = random.nextInt(4) * step;
        int pitch = (low + high) / 2;
        for (int i = 0; i < noteCount; i++) {
            pitch = Math.max(low, Math.min(high, pitch + random.nextInt(9) - 4));
            long length = (1 + random.nextInt(8)) * step;
            b.note(pitch, 40 + random.nextInt(80), tick, length);
            tick += length + (random.nextInt(5) == 0 ? (1 + random.nextInt(4)) * step : 0);
        }
        return b.build();
    }

    /** The alto, tenor and bass {@link #fourParts} sets under each soprano pitch of C major. */
    private static final int[][] VOICINGS = {
        {60, 55, 52, 48}, {62, 57, 53, 50}, {64, 60, 55, 48}, {65, 60, 57, 53},
        {67, 64, 60, 48}, {69, 65, 60, 53}, {71, 67, 62, 55}, {72, 67, 64, 48}};

    /**
     * Four parts on four tracks (soprano first), at 480 ticks per quarter: a soprano of {@code noteCount} C-major
     * notes of a quarter or a half, each with the same alto, tenor and bass under it wherever it sounds, so that a
     * harmoniser can learn the parts from the soprano alone.
     */
    public static NoteSequence fourParts(long seed, int noteCount) {
        Random random = new Random(seed);
        NoteSequenceBuilder b = NoteSequence.builder(480);
        long tick = 0;
        for (int i = 0; i < noteCount; i++) {
            int[] chord = VOICINGS[random.nextInt(VOICINGS.length)];
            long length = 480L * (1 + random.nextInt(2));
            for (int part = 0; part < chord.length; part++) {
                b.note(new Note(chord[part], 80, tick, length, 0, part, false, part));
            }
            tick += length;
        }
        return b.build();
    }
}
