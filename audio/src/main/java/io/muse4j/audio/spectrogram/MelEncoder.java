package io.muse4j.audio.spectrogram;

import io.muse4j.audio.signal.Frames;
import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.signal.Resampler;

/**
 * Log-mel spectrograms: STFT power ({@link StftEncoder}'s magnitudes squared) through triangular mel filters of
 * height 1, in decibels ({@code 10 log10}, floored at {@link Spectrogram#FLOOR_DB}).
 */
public final class MelEncoder implements SpectrogramEncoder {
    private final MelSettings settings;
    private final StftEncoder stft;
    private final MelFilters filters;

    public MelEncoder(MelSettings settings) {
        this.settings = settings;
        this.stft = new StftEncoder(settings.stft());
        this.filters = MelFilters.of(settings);
    }

    @Override
    public Spectrogram encode(MonoAudio audio) {
        float[] samples = Resampler.resample(audio, settings.stft().sampleRate()).samples();
        float[] magnitudes = stft.rows(samples);
        int frames = Frames.count(samples.length, settings.stft().hop());
        int bins = settings.stft().bins();
        int bands = settings.bands();
        float[] rows = new float[frames * bands];
        for (int i = 0; i < frames; i++) {
            for (int m = 0; m < bands; m++) {
                float[] w = filters.weights[m];
                int base = i * bins + filters.first[m];
                double power = 0;
                for (int j = 0; j < w.length; j++) {
                    float a = magnitudes[base + j];
                    power += w[j] * a * a;
                }
                rows[i * bands + m] = Spectrogram.powerDb(power);
            }
        }
        return Spectrogram.of(Spectrogram.Kind.MEL, rows, frames, MelFilters.centres(settings),
                settings.stft().hopSeconds());
    }

    @Override
    public int sampleRate() {
        return settings.stft().sampleRate();
    }
}
