package io.muse4j.core.testing;

import io.muse4j.core.io.InputFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Inputs that are not regular files, for the tests of every reader: a FIFO (opening it for reading would block
 * until a writer comes), a link to {@code /dev/zero} (endless), and a folder. Each is named like an ordinary
 * input file, since readers must not trust the name.
 */
public final class HostileFiles {
    private HostileFiles() {
    }

    /** A reader under test, given one input. */
    public interface Reader {
        void read(Path input) throws Exception;
    }

    /**
     * Feeds {@code reader} each of {@link #all} (leaving out the folder unless {@code folderToo}, for readers that
     * take a folder as a corpus) and checks that it fails within 20 seconds, without blocking on the FIFO or
     * reading /dev/zero, with an {@link InputFileException} that names the input as not a regular file.
     */
    public static void assertRefused(Path dir, String name, boolean folderToo, Reader reader) throws Exception {
        for (Path input : all(dir.resolve(name + "-inputs"), name)) {
            if (!folderToo && Files.isDirectory(input)) {
                continue;
            }
            InputFileException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(InputFileException.class, () -> reader.read(input)), input.toString());
            assertEquals(input.toString(), e.getFile());
            assertTrue(e.getReason().startsWith("not a regular file ("), e.getMessage());
        }
    }

    /** A FIFO at {@code path} made with mkfifo; the test is skipped where mkfifo is missing. */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        boolean done = p.waitFor(10, TimeUnit.SECONDS);
        assumeTrue(done && p.exitValue() == 0 && Files.exists(path), "mkfifo is not available");
        return path;
    }

    /** A symbolic link at {@code path} to {@code /dev/zero}; the test is skipped where there is none. */
    public static Path devZero(Path path) throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        return Files.createSymbolicLink(path, zero);
    }

    /** A folder at {@code path}, however it is named. */
    public static Path folder(Path path) throws IOException {
        return Files.createDirectories(path);
    }

    /** A FIFO, a link to /dev/zero and a folder in {@code dir}, each named {@code name} in a folder of its own. */
    public static List<Path> all(Path dir, String name) throws IOException, InterruptedException {
        List<Path> inputs = new ArrayList<>();
        inputs.add(fifo(Files.createDirectories(dir.resolve("fifo")).resolve(name)));
        inputs.add(devZero(Files.createDirectories(dir.resolve("zero")).resolve(name)));
        inputs.add(folder(dir.resolve("folder").resolve(name)));
        return inputs;
    }
}
