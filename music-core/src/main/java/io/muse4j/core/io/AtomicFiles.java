package io.muse4j.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that readers see either the old content or the whole new one, never a part. The temporary
 * file is removed on every way out that runs code: success, an exception, and the JVM's shutdown (Ctrl-C, a
 * plain {@code kill}, {@code System.exit}) in the middle of the write; only a {@code kill -9} or a crash of the
 * JVM can leave one behind. The writer writes to a stream opened as the temporary file is created, never to its
 * name, so a write that goes on after the shutdown's clean-up has removed the file writes to the removed file and
 * cannot make it again. A write begun by a shutdown hook (such as a live session saving its recording on Ctrl-C)
 * is left to finish, as the JVM waits for its hooks.
 */
public final class AtomicFiles {
    /** Temporary files being written now, removed by a shutdown hook if the JVM exits before they are done. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    /** The buffer between a writer and its temporary file. */
    private static final int BUFFER_BYTES = 1 << 16;
    /** Draws the temporary files' names (as {@link Files#createTempFile} does, unguessable). */
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::removeUnfinished, "muse4j-temp-files"));
        } catch (IllegalStateException e) {
            // first used by another shutdown hook (a live session saving its recording): the JVM is already
            // exiting, and the write's own finally block removes its temporary file
        }
    }

    private AtomicFiles() {
    }

    private static void removeUnfinished() {
        for (Path temp : IN_PROGRESS) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // shutting down: nothing better to do than leave it
            }
        }
    }

    /** Whether the JVM has begun to shut down (it then refuses new shutdown hooks). */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Temporary files are private (rw-------); the result gets the target's old permissions, or rw-r--r--. */
    private static void keepOrdinaryPermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    /** Writes content to the stream it is given (buffered, on a temporary file; closed after it returns). */
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the bytes to a temporary file beside {@code target}, then renames it over {@code target}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Lets {@code writer} write a temporary file beside {@code target}, then renames it over {@code target}: for
     * content streamed by a library rather than held in memory.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new FileSystemException(target.toString(), null, "is a folder, not a file");
        }
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try {
            writeBeside(absolute, dir, writer);
        } catch (FileSystemException e) {
            // the temporary file's hidden name would mean nothing to the user: name the target instead
            if (e.getFile() == null || !Path.of(e.getFile()).getFileName().toString()
                    .startsWith("." + absolute.getFileName())) {
                throw e;
            }
            String reason = e.getReason() != null ? e.getReason() : e instanceof AccessDeniedException
                    ? "permission denied" : e instanceof NoSuchFileException ? "cannot be created there"
                    : e.getClass().getSimpleName();
            FileSystemException named = e instanceof AccessDeniedException
                    ? new AccessDeniedException(target.toString(), null, reason)
                    : new FileSystemException(target.toString(), null, reason);
            named.initCause(e);
            throw named;
        } catch (IOException e) {
            if (e.getClass() != IOException.class) {
                throw e;
            }
            throw new IOException(target + ": " + e.getMessage(), e); // such as "No space left on device"
        }
    }

    private static void writeBeside(Path absolute, Path dir, Writer writer) throws IOException {
        Path temp = Path.of(dir == null ? "" : dir.toString(), "." + absolute.getFileName()
                + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
        // registered before it exists, so that a JVM stopped once the file can be seen removes it; a write that a
        // shutdown hook makes (live's recording on Ctrl-C) is not registered, as it must finish
        boolean registered = !shuttingDown() && IN_PROGRESS.add(temp);
        OutputStream out;
        try {
            out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            if (registered) {
                IN_PROGRESS.remove(temp);
            }
            throw e;
        }
        try {
            try (OutputStream buffered = new BufferedOutputStream(out, BUFFER_BYTES)) {
                writer.writeTo(buffered);
            }
            keepOrdinaryPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temp);
            } finally {
                IN_PROGRESS.remove(temp);
            }
        }
    }
}
