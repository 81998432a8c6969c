package io.muse4j.core.io;

import io.muse4j.core.testing.HostileFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsARegularFileAndALinkToOne() throws Exception {
        Path file = Files.write(dir.resolve("a.bin"), new byte[] {1, 2, 3});
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), file);
        assertArrayEquals(new byte[] {1, 2, 3}, InputFiles.readAllBytes(file, 3));
        assertArrayEquals(new byte[] {1, 2, 3}, InputFiles.readAllBytes(link, 3));
    }

    @Test
    void refusesWhatIsNotARegularFileNamingIt() throws Exception {
        assertEquals("a folder", reason(dir));
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        Path link = Files.createSymbolicLink(dir.resolve("zero.mid"), zero);
        assertEquals("a character device", reason(link));
    }

    @Test
    void refusesAFifoWithoutBlocking() throws Exception {
        Path fifo = HostileFiles.fifo(dir.resolve("x.mid"));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals("a FIFO", reason(fifo)));
    }

    @Test
    void refusesAFileOverTheCapBeforeReadingIt() throws Exception {
        Path file = Files.write(dir.resolve("big.bin"), new byte[100]);
        InputFileException e = assertThrows(InputFileException.class, () -> InputFiles.readAllBytes(file, 99));
        assertEquals(file + ": 100 bytes, more than the 99 bytes this reader takes", e.getMessage());
    }

    @Test
    void refusesAFileThatGrowsPastTheCapWhileRead() throws Exception {
        Path file = Files.write(dir.resolve("growing.bin"), new byte[10]);
        try (InputStream in = InputFiles.newInputStream(file, 10)) {
            Files.write(file, new byte[5], StandardOpenOption.APPEND);
            InputFileException e = assertThrows(InputFileException.class, in::readAllBytes);
            assertTrue(e.getMessage().startsWith(file + ": grew past the 10 bytes"), e.getMessage());
        }
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        Path missing = dir.resolve("missing.mid");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> InputFiles.readAllBytes(missing, 9));
        assertEquals(missing.toString(), e.getFile());
    }

    private static String reason(Path file) {
        InputFileException e = assertThrows(InputFileException.class, () -> InputFiles.readAllBytes(file, 1 << 20));
        assertEquals(file.toString(), e.getFile());
        String prefix = "not a regular file (";
        assertTrue(e.getReason().startsWith(prefix), e.getReason());
        return e.getReason().substring(prefix.length(), e.getReason().length() - 1);
    }

    @Test
    void bytesThatAreNotUtf8NameTheFile() throws Exception {
        Path binary = Files.write(dir.resolve("list.txt"), new byte[] {'a', '\n', (byte) 0xff, (byte) 0xfe, 0});
        try (java.io.BufferedReader in = InputFiles.newReader(binary, 100)) {
            InputFileException e = org.junit.jupiter.api.Assertions.assertThrows(InputFileException.class,
                    () -> {
                        while (in.readLine() != null) {
                            continue;
                        }
                    });
            assertEquals(binary + ": not UTF-8 text (a binary file?)", e.getMessage());
        }
    }
}
