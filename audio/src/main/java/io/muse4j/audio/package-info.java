/**
 * Audio and pictures of scores: offline rendering to WAV with Gervill ({@link io.muse4j.audio.WavRenderer}),
 * piano rolls ({@link io.muse4j.audio.PianoRollPicture}), training-log loss curves
 * ({@link io.muse4j.audio.LossCurvePicture}) and spectrograms ({@link io.muse4j.audio.SpectrogramPicture}) drawn
 * with Java2D, headless. Reading audio is in {@link io.muse4j.audio.signal}, spectrograms in
 * {@link io.muse4j.audio.spectrogram} and transcription in {@link io.muse4j.audio.transcription}.
 */
package io.muse4j.audio;
