package io.muse4j.audio.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * WAV headers that promise gigabytes of samples: a short file is not trusted for more than its bytes hold, and a
 * (sparse) file that does hold them fails naming the memory it needs rather than exhausting the heap of the
 * 512 MB JVM these tests run in.
 */
class HostileAudioTest {
    private static final int FRAMES = 1 << 30; // 2 GiB of 16-bit mono: 4 GiB as floats

    @TempDir
    Path dir;

    private static byte[] header() {
        ByteBuffer b = ByteBuffer.allocate(44 + 1024).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * FRAMES).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(44_100).putInt(88_200)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * FRAMES);
        return b.array();
    }

    @Test
    void aShortFilePromisingGigabytesIsTruncatedNotAllocated() throws Exception {
        Path file = Files.write(dir.resolve("promise.wav"), header());
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": truncated: the header promises 1073741824 frames"),
                e.getMessage());
    }

    @Test
    void aFileHoldingMoreSamplesThanTheHeapFailsNamingTheMemory() throws Exception {
        assumeTrue(Runtime.getRuntime().maxMemory() < 2L << 30, "a heap of 2 GB or more would hold the samples");
        Path file = Files.write(dir.resolve("huge.wav"), header());
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(44 + 2L * FRAMES);
        }
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": 24348 s of audio need 4,096 MB of memory, more than the "),
                e.getMessage());
    }
}
