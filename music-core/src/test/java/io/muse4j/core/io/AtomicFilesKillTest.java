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

/**
 * A JVM killed (SIGTERM) in the middle of an atomic write leaves no temporary file behind, though the writer goes
 * on writing while the clean-up removes the file, and a write that a shutdown hook makes then (as {@code live}
 * saves its recording on Ctrl-C) still completes.
 */
class AtomicFilesKillTest {
    @TempDir
    Path dir;

    /** Starts an atomic write that never finishes, to be killed; a shutdown hook then writes {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                AtomicFiles.write(Path.of(args[1]), out -> {
                    sleep(300); // long enough for the clean-up hook to run beside this one
                    out.write("saved on exit".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[4096]);
            out.flush();
            for (int i = 0; i < 6_000; i++) { // writing on while the clean-up removes the file, until the JVM halts
                sleep(10);
                out.write(0);
                out.flush();
            }
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aKilledWriteLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.wav");
        Path recording = dir.resolve("session.mid");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AtomicFilesKillTest.class.getName(), target.toString(), recording.toString()).inheritIO().start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // killed once the writer has written its bytes and sleeps: a kill between creating the temporary file
            // and writing it would race the clean-up against a writer that opens the file again
            while (!writing() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, files().size(), "the writer never started its temporary file");
            p.destroy(); // SIGTERM, as kill does
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(recording), files());
        assertEquals("saved on exit", Files.readString(recording));
    }

    private boolean writing() throws IOException {
        List<Path> files = files();
        try {
            return files.size() == 1 && Files.size(files.get(0)) >= 4096;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }
}
