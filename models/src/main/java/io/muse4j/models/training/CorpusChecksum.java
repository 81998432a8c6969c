package io.muse4j.models.training;


import io.muse4j.core.io.InputFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over a corpus: for a folder, every regular file under it in name order (its path relative to the
 * folder, then its bytes); for a file, its bytes (a FIFO, a device or a folder given as a file is refused, naming
 * it). Two corpora with the same checksum hold the same bytes.
 */
public final class CorpusChecksum {
    /** The most bytes one corpus file may hold: the size of the largest file a corpus reader takes. */
    private static final long MAX_FILE_BYTES = 1L << 30;

    private CorpusChecksum() {
    }

    /** The checksum and the number of files it covers. */
    public record Result(String sha256, int files) {
    }

    /** The checksum of a corpus folder or file. */
    public static Result of(Path corpus) throws IOException {
        MessageDigest digest = sha256();
        List<Path> files;
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> walk = Files.walk(corpus)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of(corpus);
        }
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            digest.update(corpus.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = new DigestInputStream(InputFiles.newInputStream(file, MAX_FILE_BYTES), digest)) {
                while (in.read(buffer) >= 0) {
                    // the digest reads along
                }
            }
        }
        return new Result(HexFormat.of().formatHex(digest.digest()), files.size());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
