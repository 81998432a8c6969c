package io.muse4j.audio.signal;

/**
 * Band-limited resampling by windowed-sinc interpolation (J. O. Smith, "Digital Audio Resampling"): each output
 * sample is the input convolved with a Kaiser-windowed sinc low-pass centred on the output's instant. Going down,
 * the low-pass sits below the new Nyquist frequency, so content above it is removed rather than aliased.
 *
 * <p>The filter spans {@value #ZERO_CROSSINGS} zero crossings a side, with its cutoff at {@value #ROLLOFF} of the
 * lower Nyquist frequency and a Kaiser window of beta {@value #KAISER_BETA} (stop band about 80 dB down). It is
 * tabulated at {@value #TABLE_STEPS} points per zero crossing and read with linear interpolation; an output
 * sample costs about {@code 2 * ZERO_CROSSINGS / min(1, out/in)} multiply-adds (69 from 44.1 to 22.05 kHz).
 */
public final class Resampler {
    static final int ZERO_CROSSINGS = 16;
    static final double ROLLOFF = 0.94;
    static final double KAISER_BETA = 8.0;
    static final int TABLE_STEPS = 512;
    /** The most weights the polyphase form may tabulate (4 MB); rarer ratios of rates interpolate the table. */
    static final long MAX_PHASE_TABLE = 1 << 20;
    /** The filter's right half, h(k / TABLE_STEPS zero crossings), with one zero past its end. */
    private static final float[] TABLE = table();

    private Resampler() {
    }

    /** The audio at {@code rate} Hz; the same object when it is already at that rate. */
    public static MonoAudio resample(MonoAudio audio, int rate) {
        if (rate < MonoAudio.MIN_RATE || rate > MonoAudio.MAX_RATE) {
            throw new IllegalArgumentException("sample rate " + rate + " Hz outside " + MonoAudio.MIN_RATE + ".."
                    + MonoAudio.MAX_RATE);
        }
        if (rate == audio.sampleRate()) {
            return audio;
        }
        int common = gcd(audio.sampleRate(), rate);
        int up = rate / common; // output samples in one repeat of the pattern of phases
        int down = audio.sampleRate() / common; // input samples in one repeat
        float[] in = audio.shared();
        int length = (int) Math.min(Integer.MAX_VALUE - 8, ((long) in.length * up + down - 1) / down);
        Kernel kernel = new Kernel(Math.min(1.0, up / (double) down));
        float[] out = (long) up * kernel.taps() <= MAX_PHASE_TABLE ? polyphase(in, length, up, down, kernel)
                : interpolated(in, length, down / (double) up, kernel);
        return new MonoAudio(out, rate, true);
    }

    /** The low-pass for a cutoff at {@code scale} of the input's Nyquist frequency, in input samples. */
    private record Kernel(double scale) {
        double halfWidth() {
            return ZERO_CROSSINGS / (scale * ROLLOFF);
        }

        /** Input samples one output sample reads: those within {@code reach()} of its instant either side. */
        int reach() {
            return (int) Math.ceil(halfWidth());
        }

        int taps() {
            return 2 * reach() + 1;
        }

        /** The filter {@code x} input samples from its centre, with the gain that keeps the level. */
        double at(double x) {
            double cutoff = scale * ROLLOFF; // of the input's Nyquist frequency; also the DC gain to undo
            return Math.abs(x) >= halfWidth() ? 0 : cutoff * filter(Math.abs(x) * TABLE_STEPS * cutoff);
        }
    }

    /**
     * Where the rates' ratio is {@code up/down} in small numbers, output {@code j} sits {@code (j * down) % up}
     * {@code up}-ths past an input sample, so {@code up} rows of weights serve every output: one multiply-add a
     * tap and no table look-ups (44.1 to 22.05 kHz has one row; 48 to 22.05 kHz, 147).
     */
    private static float[] polyphase(float[] in, int length, int up, int down, Kernel kernel) {
        int reach = kernel.reach();
        int taps = kernel.taps();
        float[][] rows = new float[up][taps];
        for (int phase = 0; phase < up; phase++) {
            for (int d = -reach; d <= reach; d++) {
                rows[phase][d + reach] = (float) kernel.at(d - phase / (double) up);
            }
        }
        float[] out = new float[length];
        for (int j = 0; j < length; j++) {
            long position = (long) j * down;
            int first = (int) (position / up) - reach;
            float[] w = rows[(int) (position % up)];
            double sum = 0;
            if (first >= 0 && first + taps <= in.length) {
                for (int d = 0; d < taps; d++) {
                    sum += in[first + d] * w[d];
                }
            } else { // near either end: samples outside the clip are silence
                for (int d = Math.max(0, -first); d < Math.min(taps, in.length - first); d++) {
                    sum += in[first + d] * w[d];
                }
            }
            out[j] = (float) sum;
        }
        return out;
    }

    /** Any ratio: each output's weights read from the table at its own instant. */
    private static float[] interpolated(float[] in, int length, double step, Kernel kernel) {
        float[] out = new float[length];
        for (int j = 0; j < length; j++) {
            double t = j * step;
            int first = Math.max(0, (int) Math.ceil(t - kernel.halfWidth()));
            int last = Math.min(in.length - 1, (int) Math.floor(t + kernel.halfWidth()));
            double sum = 0;
            for (int i = first; i <= last; i++) {
                sum += in[i] * kernel.at(t - i);
            }
            out[j] = (float) sum;
        }
        return out;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The tabulated filter at {@code position} table steps from its centre, 0 beyond its end. */
    private static double filter(double position) {
        int k = (int) position;
        if (k >= TABLE.length - 1) {
            return 0;
        }
        double frac = position - k;
        return TABLE[k] + frac * (TABLE[k + 1] - TABLE[k]);
    }

    private static float[] table() {
        int n = ZERO_CROSSINGS * TABLE_STEPS;
        float[] h = new float[n + 2];
        double norm = besselI0(KAISER_BETA);
        for (int k = 0; k <= n; k++) {
            double x = k / (double) TABLE_STEPS; // in zero crossings
            double sinc = k == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = x / ZERO_CROSSINGS;
            h[k] = (float) (sinc * besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / norm);
        }
        return h;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double quarter = x * x / 4;
        for (int k = 1; term > 1e-12 * sum; k++) {
            term *= quarter / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
