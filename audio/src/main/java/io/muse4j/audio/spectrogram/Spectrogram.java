package io.muse4j.audio.spectrogram;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A spectrogram: {@code values} is a float matrix of shape [frames x bins], frame {@code i} centred at
 * {@code i * hopSeconds}, bin {@code k} centred at {@code binHz[k]}.
 *
 * @param kind what the values are
 * @param values [frames x bins], float, C order
 * @param binHz the centre frequency of each bin, rising
 * @param hopSeconds seconds between frames
 */
public record Spectrogram(Kind kind, INDArray values, double[] binHz, double hopSeconds) {
    /** Values below this many decibels read as this many (the floor of log(0)). */
    public static final double FLOOR_DB = -100;

    /** The kinds of spectrogram and their units. */
    public enum Kind {
        /** STFT magnitude, linear: a sine of amplitude A reads A at its bin. */
        STFT("STFT magnitude", false),
        /**
         * Mel-band power in decibels, {@code 10 log10(power)}: a sine of amplitude A reads about
         * {@code 10 log10(1.5 A²)} in the band centred on it (a Hann window spreads its power over 1.5 bins).
         */
        MEL("log-mel power", true),
        /** Constant-Q magnitude, linear: a sine of amplitude A reads about A at its bin. */
        CQT("constant-Q magnitude", false);

        private final String description;
        private final boolean decibels;

        Kind(String description, boolean decibels) {
            this.description = description;
            this.decibels = decibels;
        }

        /** What the values are, in words. */
        public String description() {
            return description;
        }

        /** Whether the values are already in decibels. */
        public boolean inDecibels() {
            return decibels;
        }
    }

    public Spectrogram {
        if (values.rank() != 2 || values.size(1) != binHz.length) {
            throw new IllegalArgumentException("values of shape " + java.util.Arrays.toString(values.shape())
                    + " do not match " + binHz.length + " bins");
        }
        binHz = binHz.clone();
    }

    /** A spectrogram from rows of values, one row per frame. */
    static Spectrogram of(Kind kind, float[] rows, int frames, double[] binHz, double hopSeconds) {
        INDArray values = Nd4j.create(rows, new long[] {frames, binHz.length}, DataType.FLOAT);
        return new Spectrogram(kind, values, binHz, hopSeconds);
    }

    @Override
    public double[] binHz() {
        return binHz.clone();
    }

    public int frames() {
        return (int) values.size(0);
    }

    public int bins() {
        return binHz.length;
    }

    /** The values in decibels, [frames][bins]: {@code 20 log10} of magnitudes, floored at {@link #FLOOR_DB}. */
    public float[][] decibels() {
        float[][] v = values.toFloatMatrix();
        for (float[] row : v) {
            for (int k = 0; k < row.length; k++) {
                row[k] = kind.inDecibels() ? Math.max((float) FLOOR_DB, row[k]) : magnitudeDb(row[k]);
            }
        }
        return v;
    }

    static float magnitudeDb(float magnitude) {
        return (float) Math.max(FLOOR_DB, 20 * Math.log10(Math.max(magnitude, 1e-30)));
    }

    static float powerDb(double power) {
        return (float) Math.max(FLOOR_DB, 10 * Math.log10(Math.max(power, 1e-30)));
    }
}
