package io.muse4j.corpora;

import io.muse4j.core.io.InputFiles;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.midi.ScoreFiles;
import io.muse4j.midi.abc.AbcBook;
import io.muse4j.midi.abc.AbcReader;
import io.muse4j.midi.abc.AbcTune;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads a training corpus from a folder of score files (MIDI and ABC, read recursively), one score file, a list file
 * (one score path per line, relative to the list's folder; blank lines and lines starting with # are ignored) or a
 * piano-roll JSON split file of the shared corpora. An ABC file gives one item per tune (X: block), named
 * {@code FILE#X:N}. Unreadable MIDI files and bad ABC tunes are skipped and reported (a tune with its file, X: number
 * and line), and so is anything in a folder that is named like a score file but is not a regular file (a FIFO, a
 * device, a link to a folder); a corpus with nothing usable left is an error. A list file is read under a cap of
 * {@link #MAX_LIST_BYTES}.
 */
public final class CorpusLoader {
    /** The split a file of splits gives when read whole. */
    private static final String TRAIN = "train";
    /** The largest list file read, 16 MiB (some 200,000 paths). */
    public static final long MAX_LIST_BYTES = 16L << 20;

    private CorpusLoader() {
    }

    /** Loads MIDI and ABC files from a folder, a list file, or one score file. */
    public static Corpus midi(Path source) throws IOException {
        return usable(read(source.toString(), midiFiles(source)));
    }

    /**
     * The score files a source names: the .mid, .midi and .abc files under a folder (recursively, in path order),
     * the files a list file names (in its order), or the one score file itself.
     */
    public static List<Path> midiFiles(Path source) throws IOException {
        return Files.isDirectory(source) ? midiFilesUnder(source) : ScoreFiles.isScoreFile(source) ? List.of(source) : listed(source);
    }

    /**
     * Reads score files as the corpus {@code source}; a file that cannot be read, or a bad tune of an ABC file, is
     * skipped with its reason.
     */
    public static Corpus read(String source, List<Path> files) {
        List<CorpusItem> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path file : files) {
            try {
                if (ScoreFiles.isAbcFile(file)) {
                    AbcBook book = AbcReader.readSkippingBad(file);
                    for (AbcTune tune : book.tunes()) {
                        items.add(new CorpusItem(file + "#X:" + tune.number(), tune.sequence()));
                    }
                    book.failures().forEach(e -> skipped.add(new Skipped(file.toString(), reason(e, file))));
                } else {
                    items.add(new CorpusItem(file.toString(), ScoreFiles.read(file).get(0)));
                }
            } catch (IOException | RuntimeException e) {
                skipped.add(new Skipped(file.toString(), reason(e, file)));
            }
        }
        return new Corpus(source, items, skipped);
    }

    /**
     * Loads one split of a piano-roll JSON file, decoded on {@code codec}'s grid; {@code split} may name "all", which
     * a file of splits answers with its "train" split. A file whose every frame lists the same number of entries
     * (two or more) is read as voices ({@link VoiceRoll#held}): entry i of each frame is track i, {@code -1} a
     * silent voice. Elsewhere {@code -1} is an error.
     */
    public static Corpus pianoRoll(Path file, String split, PianoRollCodec codec) throws IOException {
        Map<String, List<int[][]>> splits = PianoRollJson.readFrames(file);
        String wanted = split.equals(PianoRollJson.UNSPLIT) && !splits.containsKey(split)
                && splits.containsKey(TRAIN) ? TRAIN : split;
        return split(file, splits, wanted, codec).orElseThrow(() -> new CorpusFormatException(file.toString(),
                "splits " + splits.keySet(), "no split '" + split + "'"));
    }

    /** A split that a piano-roll JSON file holds among its own (not in a sibling file), read as {@link #pianoRoll}. */
    public static Optional<Corpus> ownSplit(Path file, String split, PianoRollCodec codec) throws IOException {
        return split(file, PianoRollJson.readFrames(file), split, codec);
    }

    private static Optional<Corpus> split(Path file, Map<String, List<int[][]>> splits, String wanted,
                                          PianoRollCodec codec) throws IOException {
        List<int[][]> sequences = splits.get(wanted);
        if (sequences == null) {
            return Optional.empty();
        }
        boolean voiced = voiced(splits);
        List<CorpusItem> items = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            String name = file + "#" + wanted + "/" + i;
            int[][] frames = sequences.get(i);
            items.add(new CorpusItem(name, voiced ? VoiceRoll.held(frames).toScore(codec.grid())
                    : codec.decode(keys(frames, name))));
        }
        return Optional.of(usable(new Corpus(file + "#" + wanted, items, List.of())));
    }

    /** Whether every frame of the file lists the same number of entries, two or more: one per voice. */
    private static boolean voiced(Map<String, List<int[][]>> splits) {
        int width = -1;
        for (List<int[][]> sequences : splits.values()) {
            for (int[][] frames : sequences) {
                for (int[] frame : frames) {
                    if (width >= 0 && frame.length != width || frame.length < 2
                            || frame.length > VoiceRoll.MAX_VOICES) {
                        return false;
                    }
                    width = frame.length;
                }
            }
        }
        return width >= 2;
    }

    private static PianoRoll keys(int[][] frames, String name) throws CorpusFormatException {
        for (int f = 0; f < frames.length; f++) {
            for (int pitch : frames[f]) {
                if (pitch < 0) {
                    throw new CorpusFormatException(name, "frame " + f, "pitch " + pitch + " (a silent voice) in a "
                            + "file that is not voice-separated (every frame listing the same number of voices)");
                }
            }
        }
        return new PianoRoll(frames);
    }

    private static Corpus usable(Corpus corpus) throws CorpusFormatException {
        if (corpus.items().isEmpty()) {
            String first = corpus.skipped().isEmpty() ? "it holds no MIDI or ABC files"
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
            // not Files::isRegularFile, which would drop a FIFO or a dangling link unreported: the reader names them
            return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).filter(ScoreFiles::isScoreFile)
                    .sorted().toList();
        }
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
