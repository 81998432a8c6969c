package io.muse4j.audio.signal;

import io.muse4j.core.io.AtomicFiles;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Writes mono audio as 16-bit PCM WAV, atomically; samples beyond ±1.0 are clipped. */
public final class WavWriter {
    private WavWriter() {
    }

    public static void write(MonoAudio audio, Path wav) throws IOException {
        float[] x = audio.shared();
        byte[] bytes = new byte[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            int v = Math.round(Math.max(-1, Math.min(1, x[i])) * 32767);
            bytes[2 * i] = (byte) v;
            bytes[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(audio.sampleRate(), 16, 1, true, false);
        AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, x.length);
        AtomicFiles.write(wav, out -> AudioSystem.write(in, AudioFileFormat.Type.WAVE, out));
    }
}
