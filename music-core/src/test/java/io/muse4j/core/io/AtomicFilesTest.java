package io.muse4j.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesReplacesAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("sub/out.bin");
        AtomicFiles.write(file, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(file, new byte[] {4});
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(file));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void failuresNameTheTargetNotTheHiddenTemporaryFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out.mid"));
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFiles.write(folder, new byte[1]));
        assertEquals(folder + ": is a folder, not a file", e.getMessage());

        Path full = dir.resolve("full.mid"); // a full disk, as the JDK reports it
        IOException space = assertThrows(IOException.class, () -> AtomicFiles.write(full, out -> {
            throw new IOException("No space left on device");
        }));
        assertEquals(full + ": No space left on device", space.getMessage());

        Path denied = dir.resolve("denied.mid"); // a read-only folder, say: the temporary file is refused
        AccessDeniedException refused = assertThrows(AccessDeniedException.class, () -> AtomicFiles.write(denied,
                out -> {
                    throw new AccessDeniedException(dir.resolve(".denied.mid123.tmp").toString()); // its temporary file
                }));
        assertEquals(denied.toString(), refused.getFile());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(folder), files.toList());
        }
    }
}
