package io.muse4j.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code generate} writes the same bytes on 1 and on 2 threads, as the README promises. The thread count is
 * {@code MUSE4J_THREADS}, read once per JVM when {@code CpuThreads} loads, so each count runs the command in a JVM
 * of its own (on this test's class path).
 */
@Tag("slow") // generates twice on one and two threads: ~4 s
class GenerateThreadsTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultModelGivesTheSameBytesOnOneAndTwoThreads() throws Exception {
        byte[] one = generate(1, "--seed", "1");
        byte[] two = generate(2, "--seed", "1");
        assertArrayEquals(one, two, "generate --seed 1 on 1 and on 2 threads");
    }

    @Test
    void theFirstBundledModelGivesItsRecordedBytesOnOneAndTwoThreads() throws Exception {
        byte[] one = generate(1, "--model", "folk-lstm-2025", "--seed", "1");
        byte[] two = generate(2, "--model", "folk-lstm-2025", "--seed", "1");
        assertArrayEquals(one, two, "generate --model folk-lstm-2025 --seed 1 on 1 and on 2 threads");
        assertEquals(DefaultModelBytesTest.SEED_1, DefaultModelBytesTest.sha256(one), "the recorded bytes");
    }

    @Test
    void aBeamSearchGivesTheSameBytesOnOneAndTwoThreads() throws Exception {
        byte[] one = generate(1, "--seed", "4", "--beam", "4", "--steps", "96");
        byte[] two = generate(2, "--seed", "4", "--beam", "4", "--steps", "96");
        assertArrayEquals(one, two, "generate --beam 4 on 1 and on 2 threads");
    }

    /** The MIDI bytes that {@code generate --out FILE ARGS} writes in a fresh JVM with MUSE4J_THREADS={@code threads}. */
    private byte[] generate(int threads, String... args) throws Exception {
        Path out = dir.resolve("threads-" + threads + ".mid");
        Path log = dir.resolve("threads-" + threads + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Muse4j.class.getName(), "generate", "--out", out.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MUSE4J_THREADS", Integer.toString(threads));
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("generate on " + threads + " threads ran over 180 s: " + Files.readString(log));
        }
        assertEquals(0, process.exitValue(), Files.readString(log));
        assertTrue(Files.size(out) > 0, out.toString());
        return Files.readAllBytes(out);
    }
}
