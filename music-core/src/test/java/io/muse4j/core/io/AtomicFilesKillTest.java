package io.muse4j.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JVM killed (SIGTERM) in the middle of an atomic write leaves no temporary file behind. */
class AtomicFilesKillTest {
    @TempDir
    Path dir;

    /** Starts an atomic write that never finishes, to be killed. */
    public static void main(String[] args) throws IOException {
        AtomicFiles.write(Path.of(args[0]), temp -> {
            Files.write(temp, new byte[4096]);
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void aKilledWriteLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.wav");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AtomicFilesKillTest.class.getName(), target.toString()).inheritIO().start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (files().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, files().size(), "the writer never started its temporary file");
            p.destroy(); // SIGTERM, as kill does
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), files());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }
}
