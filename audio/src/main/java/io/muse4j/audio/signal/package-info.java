/**
 * Audio as samples: {@link io.muse4j.audio.signal.MonoAudio}, read from WAV and AIFF files with channels mixed
 * ({@link io.muse4j.audio.signal.AudioReader}), resampled by windowed sinc ({@link io.muse4j.audio.signal.Resampler})
 * and cut into centred frames ({@link io.muse4j.audio.signal.Frames}).
 */
package io.muse4j.audio.signal;
