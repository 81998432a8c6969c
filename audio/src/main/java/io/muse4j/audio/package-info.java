/** Rendering scores to WAV, spectrogram encoders, transcription and pictures (to come). */
package io.muse4j.audio;
