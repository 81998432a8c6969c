package io.muse4j.audio.spectrogram;

import be.tarsos.dsp.ConstantQ;
import io.muse4j.audio.signal.Frames;
import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.signal.Resampler;

/**
 * Constant-Q magnitudes with TarsosDSP's {@link ConstantQ} (Brown and Puckette's spectral kernels), scaled by 4 so
 * that a sine of amplitude A reads about A at its bin.
 *
 * <p>TarsosDSP starts every bin's kernel at the first sample of its buffer, so in one buffer a short (high) kernel
 * looks at an earlier moment than a long (low) one. Here buffers are taken every hop and each bin of frame
 * {@code i} is read from the buffer that centres that bin's kernel nearest to frame {@code i}'s time (within half a
 * hop), so every bin of a frame describes the same moment, as in {@link Frames}.
 */
public final class CqtEncoder implements SpectrogramEncoder {
    /** TarsosDSP's kernels read a sine of amplitude A as A / 4 (a Hann window's mean of 1/2, one side's 1/2). */
    private static final float SCALE = 4;

    private final CqtSettings settings;

    public CqtEncoder(CqtSettings settings) {
        this.settings = settings;
    }

    @Override
    public Spectrogram encode(MonoAudio audio) {
        float[] samples = Resampler.resample(audio, settings.sampleRate()).samples();
        int bins = settings.bins();
        ConstantQ cq = new ConstantQ(settings.sampleRate(), (float) settings.minHz(),
                (float) (settings.minHz() * Math.pow(2, (bins - 0.5) / settings.binsPerOctave())),
                settings.binsPerOctave());
        if (cq.getNumberOfOutputBands() != bins) {
            throw new IllegalStateException("TarsosDSP made " + cq.getNumberOfOutputBands() + " constant-Q bins, not "
                    + bins);
        }
        int n = cq.getFFTlength();
        int hop = settings.hop();
        int[] shift = new int[bins]; // frames between a buffer and the frame its bin's kernel centre falls on
        double longest = kernelLength(0, n) / 2.0;
        int maxShift = 0;
        for (int k = 0; k < bins; k++) {
            shift[k] = (int) Math.round((longest - kernelLength(k, n) / 2.0) / hop);
            maxShift = Math.max(maxShift, shift[k]);
        }
        int frames = Frames.count(samples.length, hop);
        float[] rows = new float[Math.multiplyExact(frames, bins)];
        float[] buffer = new float[n];
        for (int j = 0; j < frames + maxShift; j++) {
            // buffer j starts where the longest kernel must start to centre on frame j
            Frames.copy(samples, (int) Math.round(j * (double) hop - longest) + n / 2, buffer);
            cq.calculateMagintudes(buffer);
            float[] magnitudes = cq.getMagnitudes();
            for (int k = 0; k < bins; k++) {
                int frame = j - shift[k];
                if (frame >= 0 && frame < frames) {
                    rows[frame * bins + k] = magnitudes[k] * SCALE;
                }
            }
        }
        double[] hz = new double[bins];
        for (int k = 0; k < bins; k++) {
            hz[k] = settings.binHz(k);
        }
        return Spectrogram.of(Spectrogram.Kind.CQT, rows, frames, hz, settings.hopSeconds());
    }

    @Override
    public int sampleRate() {
        return settings.sampleRate();
    }

    /** The length of bin {@code k}'s kernel in samples, as TarsosDSP sizes it (at most the FFT length). */
    private int kernelLength(int k, int fftLength) {
        return (int) Math.min(Math.ceil(CqtSettings.q(settings.binsPerOctave()) * settings.sampleRate()
                / settings.binHz(k)), fftLength);
    }
}
