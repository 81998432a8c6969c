package io.muse4j.audio.spectrogram;

import io.muse4j.audio.signal.MonoAudio;

/** Turns audio into a spectrogram; the audio is first resampled to the encoder's rate. */
public sealed interface SpectrogramEncoder permits StftEncoder, MelEncoder, CqtEncoder {
    /** The spectrogram of {@code audio}, [frames x bins] with {@code 1 + samples / hop} frames at the encoder's rate. */
    Spectrogram encode(MonoAudio audio);

    /** The sample rate the encoder works at. */
    int sampleRate();
}
