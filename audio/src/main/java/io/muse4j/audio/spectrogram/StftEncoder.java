package io.muse4j.audio.spectrogram;

import be.tarsos.dsp.util.fft.FFT;
import io.muse4j.audio.signal.Frames;
import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.signal.Resampler;

/**
 * STFT magnitudes with TarsosDSP's FFT: periodic Hann window, frames centred every hop (see {@link Frames}),
 * {@code window / 2 + 1} bins from 0 Hz to the Nyquist frequency, scaled by {@code 2 / sum(window)} so that a sine
 * of amplitude A reads A at its bin.
 */
public final class StftEncoder implements SpectrogramEncoder {
    private final StftSettings settings;
    private final float[] window;

    public StftEncoder(StftSettings settings) {
        this.settings = settings;
        this.window = Frames.hann(settings.window());
    }

    @Override
    public Spectrogram encode(MonoAudio audio) {
        float[] samples = Resampler.resample(audio, settings.sampleRate()).samples();
        int bins = settings.bins();
        double[] hz = new double[bins];
        for (int k = 0; k < bins; k++) {
            hz[k] = settings.binHz(k);
        }
        return Spectrogram.of(Spectrogram.Kind.STFT, rows(samples), Frames.count(samples.length, settings.hop()), hz,
                settings.hopSeconds());
    }

    /** The magnitudes of samples already at the settings' rate, frame after frame, {@code bins} values each. */
    float[] rows(float[] samples) {
        int frames = Frames.count(samples.length, settings.hop());
        int bins = settings.bins();
        float[] rows = new float[Math.multiplyExact(frames, bins)];
        Transform t = new Transform(settings.window());
        for (int i = 0; i < frames; i++) {
            t.magnitudes(samples, i * settings.hop(), rows, i * bins);
        }
        return rows;
    }

    @Override
    public int sampleRate() {
        return settings.sampleRate();
    }

    /** One frame's transform with its buffers; not shared between threads. */
    final class Transform {
        private final FFT fft;
        private final float[] buffer;
        private final float scale;

        Transform(int n) {
            fft = new FFT(n);
            buffer = new float[n];
            scale = 4f / n; // 2 / sum(periodic Hann of n) = 2 / (n / 2)
        }

        /** Writes the magnitudes of the frame centred at {@code centre} to {@code out} from {@code at}. */
        void magnitudes(float[] samples, int centre, float[] out, int at) {
            Frames.copy(samples, centre, buffer);
            for (int j = 0; j < buffer.length; j++) {
                buffer[j] *= window[j];
            }
            fft.forwardTransform(buffer); // packed: [Re0, Re(n/2), Re1, Im1, Re2, Im2, ...]
            int half = buffer.length / 2;
            out[at] = Math.abs(buffer[0]) * scale / 2; // DC and Nyquist have no mirror image to add
            out[at + half] = Math.abs(buffer[1]) * scale / 2;
            for (int k = 1; k < half; k++) {
                float re = buffer[2 * k];
                float im = buffer[2 * k + 1];
                out[at + k] = (float) Math.sqrt(re * re + im * im) * scale;
            }
        }
    }
}
