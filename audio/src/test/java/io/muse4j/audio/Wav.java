package io.muse4j.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.nio.file.Path;

/** A WAV file read back for tests: its format and its samples mixed to mono, full scale 1.0. */
record Wav(AudioFormat format, float[] mono) {
    static Wav read(Path file) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            byte[] bytes = in.readAllBytes();
            int channels = format.getChannels();
            float[] mono = new float[bytes.length / format.getFrameSize()];
            for (int frame = 0; frame < mono.length; frame++) {
                for (int c = 0; c < channels; c++) {
                    int at = (frame * channels + c) * 2;
                    mono[frame] += (short) ((bytes[at] & 0xFF) | (bytes[at + 1] << 8)) / 32768f / channels;
                }
            }
            return new Wav(format, mono);
        }
    }

    double seconds() {
        return mono.length / (double) format.getFrameRate();
    }

    /** Root mean square level between two times in seconds. */
    double rms(double from, double to) {
        int a = (int) (from * format.getFrameRate());
        int b = Math.min(mono.length, (int) (to * format.getFrameRate()));
        double sum = 0;
        for (int i = a; i < b; i++) {
            sum += mono[i] * mono[i];
        }
        return Math.sqrt(sum / Math.max(1, b - a));
    }

    /** Normalised correlation of two renders over their common length: 1 for the same sound. */
    static double correlation(Wav x, Wav y) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < Math.min(x.mono.length, y.mono.length); i++) {
            xy += x.mono[i] * y.mono[i];
            xx += x.mono[i] * x.mono[i];
            yy += y.mono[i] * y.mono[i];
        }
        return xy / Math.sqrt(xx * yy + 1e-30);
    }
}
