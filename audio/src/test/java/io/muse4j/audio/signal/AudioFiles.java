package io.muse4j.audio.signal;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Audio files of any PCM format javax can write, built in code for reader tests. */
final class AudioFiles {
    private AudioFiles() {
    }

    /** Writes {@code channels} (full scale ±1.0, equal lengths) in {@code format} as a file of {@code type}. */
    static Path write(Path file, AudioFileFormat.Type type, AudioFormat format, float[]... channels) throws Exception {
        int frames = channels[0].length;
        int bytes = format.getSampleSizeInBits() / 8;
        ByteBuffer b = ByteBuffer.allocate(frames * channels.length * bytes)
                .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] channel : channels) {
                put(b, format, channel[i]);
            }
        }
        AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), format, frames);
        AudioSystem.write(in, type, file.toFile());
        return file;
    }

    private static void put(ByteBuffer b, AudioFormat format, float v) {
        int bits = format.getSampleSizeInBits();
        if (format.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT)) {
            b.putFloat(v);
            return;
        }
        long full = (1L << (bits - 1)) - 1;
        long q = Math.round(v * full) + (format.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED) ? full + 1 : 0);
        switch (bits) {
            case 8 -> b.put((byte) q);
            case 16 -> b.putShort((short) q);
            case 24 -> {
                if (format.isBigEndian()) {
                    b.put((byte) (q >> 16)).put((byte) (q >> 8)).put((byte) q);
                } else {
                    b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
                }
            }
            case 32 -> b.putInt((int) q);
            default -> throw new IllegalArgumentException(bits + " bits");
        }
    }

    /** A sine of {@code hz} at {@code rate}, {@code frames} long. */
    static float[] sine(double hz, double amplitude, int frames, int rate) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }
}
