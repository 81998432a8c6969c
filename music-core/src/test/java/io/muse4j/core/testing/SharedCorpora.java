package io.muse4j.core.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the shared corpora for tests over real data: {@code $MUSE4J_CORPORA}, else {@code ../shared/corpora}
 * beside the project root. Where they are missing a test is skipped with a message, except under {@code CI=true},
 * where a missing corpus fails the build.
 */
public final class SharedCorpora {
    private SharedCorpora() {
    }

    /** The corpora folder, or a skipped (or, under CI, failed) test. */
    public static Path root() {
        Path root = locate();
        if (!Files.isDirectory(root)) {
            String message = "shared corpora not found at " + root
                    + " (set MUSE4J_CORPORA to the folder that holds folk-abc/, jsb-chorales/ ...)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + "; under CI=true a missing corpus fails the build");
            }
            System.err.println("muse4j tests: skipping a test over real data: " + message);
            Assumptions.abort("skipped: " + message);
        }
        return root;
    }

    /** A file or folder inside the corpora, which must exist. */
    public static Path resolve(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            Assertions.fail("expected " + path + " in the shared corpora");
        }
        return path;
    }

    /** Every MIDI file (.mid, .midi) under the corpora, or under one of its folders, in path order. */
    public static List<Path> midiFiles(String... folders) {
        Path root = root();
        List<Path> starts = folders.length == 0 ? List.of(root) : Stream.of(folders).map(SharedCorpora::resolve).toList();
        return starts.stream().flatMap(SharedCorpora::walk)
                .filter(p -> p.getFileName().toString().toLowerCase().matches(".*\\.midi?$"))
                .sorted().toList();
    }

    private static Stream<Path> walk(Path start) {
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        String configured = System.getenv("MUSE4J_CORPORA");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return projectRoot().resolveSibling("shared").resolve("corpora");
    }

    /** The folder of the parent pom, found upwards from the working directory. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".ci")) || isParentPom(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return dir;
    }

    private static boolean isParentPom(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>muse4j-parent</artifactId>")
                    && !Files.readString(pom).contains("<parent>");
        } catch (IOException e) {
            return false;
        }
    }
}
