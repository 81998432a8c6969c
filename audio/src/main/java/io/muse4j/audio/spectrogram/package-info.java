/**
 * Spectrograms as ND4J arrays of [frames x bins] with TarsosDSP: STFT magnitude, log-mel power and constant-Q
 * magnitude ({@link io.muse4j.audio.spectrogram.SpectrogramEncoder}), each from a validated settings record, and
 * NumPy {@code .npy} files ({@link io.muse4j.audio.spectrogram.Npy}).
 */
package io.muse4j.audio.spectrogram;
