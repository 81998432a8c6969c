package io.muse4j.corpora;

import io.muse4j.core.io.InputFiles;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.midi.MidiReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads a training corpus from a folder of MIDI files (read recursively), one MIDI file, a list file (one MIDI path per line,
 * relative to the list's folder; blank lines and lines starting with # are ignored) or a piano-roll JSON split
 * file of the shared corpora. Unreadable MIDI files are skipped and reported, and so is anything in a folder that is
 * named like a MIDI file but is not a regular file (a FIFO, a device, a link to a folder); a corpus with nothing
 * usable left is an error. A list file is read under a cap of {@link #MAX_LIST_BYTES}.
 */
public final class CorpusLoader {
    /** The largest list file read, 16 MiB (some 200,000 paths). */
    public static final long MAX_LIST_BYTES = 16L << 20;

    private CorpusLoader() {
    }

    /** Loads MIDI from a folder, a list file, or one MIDI file. */
    public static Corpus midi(Path source) throws IOException {
        return usable(read(source.toString(), midiFiles(source)));
    }

    /**
     * The MIDI files a source names: the .mid and .midi files under a folder (recursively, in path order), the
     * files a list file names (in its order), or the one MIDI file itself.
     */
    public static List<Path> midiFiles(Path source) throws IOException {
        return Files.isDirectory(source) ? midiFilesUnder(source) : isMidi(source) ? List.of(source) : listed(source);
    }

    /** Reads MIDI files as the corpus {@code source}; a file that cannot be read is skipped with its reason. */
    public static Corpus read(String source, List<Path> files) {
        List<CorpusItem> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path file : files) {
            try {
                items.add(new CorpusItem(file.toString(), MidiReader.read(file).sequence()));
            } catch (IOException | RuntimeException e) {
                skipped.add(new Skipped(file.toString(), reason(e, file)));
            }
        }
        return new Corpus(source, items, skipped);
    }

    /** Loads one split of a piano-roll JSON file, decoded with {@code codec}; {@code split} may name "all". */
    public static Corpus pianoRoll(Path file, String split, PianoRollCodec codec) throws IOException {
        Map<String, List<PianoRoll>> splits = PianoRollJson.read(file);
        List<PianoRoll> rolls = splits.get(split);
        if (rolls == null) {
            throw new CorpusFormatException(file.toString(), "splits " + splits.keySet(), "no split '" + split + "'");
        }
        List<CorpusItem> items = new ArrayList<>();
        for (int i = 0; i < rolls.size(); i++) {
            items.add(new CorpusItem(file + "#" + split + "/" + i, codec.decode(rolls.get(i))));
        }
        return usable(new Corpus(file + "#" + split, items, List.of()));
    }

    private static Corpus usable(Corpus corpus) throws CorpusFormatException {
        if (corpus.items().isEmpty()) {
            String first = corpus.skipped().isEmpty() ? "it holds no MIDI files"
                    : corpus.skipped().size() + " files skipped, the first: " + corpus.skipped().get(0);
            throw new CorpusFormatException(corpus.source(), "corpus", "nothing usable to train on (" + first + ")");
        }
        return corpus;
    }

    private static String reason(Exception e, Path file) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static List<Path> midiFilesUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            // not Files::isRegularFile, which would drop a FIFO or a dangling link unreported: MidiReader names them
            return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).filter(CorpusLoader::isMidi)
                    .sorted().toList();
        }
    }

    private static boolean isMidi(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".mid") || name.endsWith(".midi");
    }

    private static List<Path> listed(Path listFile) throws IOException {
        Path base = listFile.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (String line : lines(listFile)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                files.add(base.resolve(entry).normalize());
            }
        }
        return files;
    }

    private static List<String> lines(Path file) throws IOException {
        try (BufferedReader in = InputFiles.newReader(file, MAX_LIST_BYTES)) {
            return in.lines().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
