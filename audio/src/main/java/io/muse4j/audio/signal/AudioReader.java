package io.muse4j.audio.signal;

import io.muse4j.core.io.InputFiles;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads WAV and AIFF files with javax.sound.sampled and mixes their channels to one (the mean of the channels).
 * Integer PCM of 8, 16, 24 or 32 bits, 32- and 64-bit float and 8-bit mu-law and A-law are read; anything else, and
 * files that are empty, truncated or not audio, fail with one {@link AudioFormatException} naming the file and the
 * problem. Only a regular file of at most {@link #MAX_FILE_BYTES} is opened ({@link InputFiles}), and the samples
 * must fit in the heap: a file that would not fails naming the memory it needs instead of exhausting it.
 */
public final class AudioReader {
    /** The most samples a file may hold per channel (a Java array's limit: about 13.5 hours at 44.1 kHz). */
    public static final long MAX_FRAMES = Integer.MAX_VALUE - 8;
    /** The largest file read, 4 GiB: WAV and AIFF sizes are 32-bit, so no valid file is larger. */
    public static final long MAX_FILE_BYTES = 4L << 30;
    private static final int CHUNK_FRAMES = 16_384;

    private AudioReader() {
    }

    /** The file's audio mixed to mono at its own sample rate. */
    public static MonoAudio read(Path file) throws IOException {
        String name = file.toString();
        long size = InputFiles.checkRegular(file, MAX_FILE_BYTES);
        if (size == 0) {
            throw new AudioFormatException(name, "empty file (0 bytes), not audio");
        }
        AudioHeader header = AudioHeader.sniff(file);
        AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            throw new AudioFormatException(name, header.whyUnreadable(), e);
        }
        try (AudioInputStream stream = pcm(name, in)) {
            return decode(name, stream, size);
        }
    }

    /** The stream itself, or mu-law and A-law decoded to 16-bit PCM by javax. */
    private static AudioInputStream pcm(String name, AudioInputStream in) throws IOException {
        AudioFormat f = in.getFormat();
        AudioFormat.Encoding e = f.getEncoding();
        if (e.equals(AudioFormat.Encoding.ULAW) || e.equals(AudioFormat.Encoding.ALAW)) {
            AudioFormat linear = new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
            if (AudioSystem.isConversionSupported(linear, f)) {
                return AudioSystem.getAudioInputStream(linear, in);
            }
        }
        if (!SampleDecoder.supports(f)) {
            in.close();
            throw new AudioFormatException(name, "unsupported audio format (" + describe(f) + "); convert it to "
                    + "16-bit PCM WAV");
        }
        return in;
    }

    /** Decodes the stream of a file of {@code fileBytes}, whose header is trusted for no more frames than that. */
    private static MonoAudio decode(String name, AudioInputStream in, long fileBytes) throws IOException {
        AudioFormat f = in.getFormat();
        float rate = f.getSampleRate();
        if (!(rate >= MonoAudio.MIN_RATE && rate <= MonoAudio.MAX_RATE) || rate != Math.rint(rate)) {
            throw new AudioFormatException(name, "sample rate " + rate + " Hz outside " + MonoAudio.MIN_RATE + ".."
                    + MonoAudio.MAX_RATE + " whole Hz");
        }
        long promised = in.getFrameLength();
        if (promised > MAX_FRAMES) {
            throw new AudioFormatException(name, String.format(Locale.ROOT,
                    "%d frames (%.0f s) are more than the %d this reader holds", promised, promised / rate, MAX_FRAMES));
        }
        SampleDecoder decoder = new SampleDecoder(f);
        long present = fileBytes / Math.max(1, f.getFrameSize()) + CHUNK_FRAMES; // what the bytes can hold
        float[] mono = new float[promised > 0 ? (int) fits(name, Math.min(promised, present), rate) : CHUNK_FRAMES];
        byte[] chunk = new byte[CHUNK_FRAMES * f.getFrameSize()];
        int frames = 0;
        int pending = 0; // bytes of an incomplete frame carried to the next read
        for (int n; (n = read(name, in, chunk, pending)) > 0; ) {
            int available = pending + n;
            int whole = available / f.getFrameSize();
            if (frames + (long) whole > MAX_FRAMES) {
                throw new AudioFormatException(name, "more than " + MAX_FRAMES + " frames");
            }
            if (frames + whole > mono.length) {
                long grown = Math.min(MAX_FRAMES, Math.max(frames + whole, 2L * mono.length));
                mono = Arrays.copyOf(mono, (int) fits(name, grown, rate));
            }
            decoder.mix(chunk, whole, mono, frames);
            frames += whole;
            pending = available - whole * f.getFrameSize();
            System.arraycopy(chunk, whole * f.getFrameSize(), chunk, 0, pending);
        }
        if (promised != AudioSystem.NOT_SPECIFIED && frames < promised) {
            throw new AudioFormatException(name, String.format(Locale.ROOT, "truncated: the header promises %d "
                    + "frames (%.2f s), the file holds %d (%.2f s)", promised, promised / rate, frames, frames / rate));
        }
        if (frames == 0) {
            throw new AudioFormatException(name, "no audio: the file holds 0 samples");
        }
        return new MonoAudio(frames == mono.length ? mono : Arrays.copyOf(mono, frames), (int) rate, true);
    }

    /**
     * {@code frames} when that many samples (4 bytes each) fit in the heap the JVM may still grow to, else an
     * {@link AudioFormatException} saying how much memory the file needs.
     */
    private static long fits(String name, long frames, float rate) throws AudioFormatException {
        long free = freeHeap();
        if (frames * Float.BYTES > free) {
            System.gc(); // what looked used may be garbage: look again before refusing a file that would fit
            free = freeHeap();
        }
        if (frames * Float.BYTES > free) {
            throw new AudioFormatException(name, String.format(Locale.ROOT, "%.0f s of audio need %,d MB of memory, "
                    + "more than the %,d MB free (raise the JVM's -Xmx, for muse4j through MUSE4J_JAVA_OPTS)",
                    frames / (double) rate, frames * Float.BYTES >> 20, free >> 20));
        }
        return frames;
    }

    private static long freeHeap() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    private static int read(String name, InputStream in, byte[] chunk, int offset) throws AudioFormatException {
        try {
            return in.readNBytes(chunk, offset, chunk.length - offset);
        } catch (IOException | RuntimeException e) {
            throw new AudioFormatException(name, "unreadable audio data: " + e.getMessage(), e);
        }
    }

    /** "16-bit PCM_SIGNED, 2 channels, 44100 Hz" and the like. */
    static String describe(AudioFormat f) {
        return String.format(Locale.ROOT, "%s %s, %d channel%s, %.0f Hz",
                f.getSampleSizeInBits() > 0 ? f.getSampleSizeInBits() + "-bit" : "unknown sample size",
                f.getEncoding(), f.getChannels(), f.getChannels() == 1 ? "" : "s", f.getSampleRate());
    }
}
