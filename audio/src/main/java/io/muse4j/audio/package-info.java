/**
 * Audio and pictures of scores: offline rendering to WAV with Gervill ({@link io.muse4j.audio.WavRenderer}),
 * piano rolls ({@link io.muse4j.audio.PianoRollPicture}) and training-log loss curves
 * ({@link io.muse4j.audio.LossCurvePicture}) drawn with Java2D, headless.
 */
package io.muse4j.audio;
