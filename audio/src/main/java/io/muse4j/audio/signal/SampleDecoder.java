package io.muse4j.audio.signal;

import javax.sound.sampled.AudioFormat;

/** Turns frames of interleaved integer or float PCM into mono floats, full scale ±1.0. */
final class SampleDecoder {
    private final int channels;
    private final int bytes;
    private final boolean bigEndian;
    private final boolean floating;
    private final boolean unsigned;

    SampleDecoder(AudioFormat f) {
        this.channels = f.getChannels();
        this.bytes = f.getSampleSizeInBits() / 8;
        this.bigEndian = f.isBigEndian() && bytes > 1;
        this.floating = f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT);
        this.unsigned = f.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED);
    }

    /** Whether frames of this format can be decoded here. */
    static boolean supports(AudioFormat f) {
        int bits = f.getSampleSizeInBits();
        AudioFormat.Encoding e = f.getEncoding();
        boolean sizes = e.equals(AudioFormat.Encoding.PCM_FLOAT) ? bits == 32 || bits == 64
                : e.equals(AudioFormat.Encoding.PCM_SIGNED) ? bits == 8 || bits == 16 || bits == 24 || bits == 32
                : e.equals(AudioFormat.Encoding.PCM_UNSIGNED) && (bits == 8 || bits == 16);
        return sizes && f.getChannels() >= 1 && f.getFrameSize() == f.getChannels() * bits / 8;
    }

    /** Mixes {@code frames} frames from {@code data} into {@code mono}, starting at {@code offset}. */
    void mix(byte[] data, int frames, float[] mono, int offset) {
        int at = 0;
        for (int frame = 0; frame < frames; frame++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(data, at);
                at += bytes;
            }
            mono[offset + frame] = (float) (sum / channels);
        }
    }

    private double sample(byte[] d, int at) {
        long raw = 0;
        for (int i = 0; i < bytes; i++) {
            int b = d[at + (bigEndian ? i : bytes - 1 - i)] & 0xFF; // most significant byte first
            raw = (raw << 8) | b;
        }
        int bits = 8 * bytes;
        if (floating) {
            return bits == 32 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
        }
        long full = 1L << (bits - 1);
        long value = unsigned ? raw - full : (raw ^ full) - full; // sign-extend
        return value / (double) full;
    }
}
