package io.muse4j.corpora;

import io.muse4j.core.token.PianoRollCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads a corpus by its path and splits it: a piano-roll JSON file keeps the benchmark's own splits, found in its
 * sibling files ({@code NAME.SPLIT.json}, as in {@code polyphonic-pianoroll}) or inside it (an object of splits, as
 * {@code Jsb16thSeparated.json}: training reads its "train" split); anything else (a MIDI folder, list file or
 * file) gets a seeded split. Piano rolls are decoded to scores on the codec's grid, so
 * every corpus reaches the encoders the same way.
 */
public final class CorpusSplits {
    /** The named splits a corpus can be asked for. */
    public enum Split { ALL, TRAIN, VALID, TEST }

    private CorpusSplits() {
    }

    /** Whether the path names a piano-roll JSON file. */
    public static boolean isPianoRoll(Path source) {
        return source.getFileName() != null
                && source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** Every piece of the corpus at {@code source} (a piano-roll file holds one split). */
    public static Corpus load(Path source, PianoRollCodec rolls) throws IOException {
        return isPianoRoll(source) ? CorpusLoader.pianoRoll(source, PianoRollJson.UNSPLIT, rolls)
                : CorpusLoader.midi(source);
    }

    /**
     * The training and validation pieces: a piano-roll file and its {@code NAME.valid.json} sibling when there is
     * one, or its own "valid" split, else a split of the corpus holding out {@code validFraction} by {@code seed}.
     */
    public static Splits forTraining(Path source, Corpus corpus, PianoRollCodec rolls, double validFraction, long seed)
            throws IOException {
        Optional<Path> valid = sibling(source, "valid");
        if (isPianoRoll(source) && valid.isPresent() && !valid.get().equals(source) && Files.exists(valid.get())) {
            return new Splits(corpus.items(), load(valid.get(), rolls).items());
        }
        Optional<Corpus> own = isPianoRoll(source) ? CorpusLoader.ownSplit(source, "valid", rolls) : Optional.empty();
        return own.isPresent() ? new Splits(corpus.items(), own.get().items())
                : Splits.seeded(corpus.items(), validFraction, seed);
    }

    /**
     * The pieces of one split: for a piano-roll file, its sibling file of that split; for other corpora, the
     * seeded split a model was trained with ({@code test} does not exist there).
     */
    public static List<CorpusItem> pieces(Path source, Split split, PianoRollCodec rolls, double validFraction,
                                          long seed) throws IOException {
        if (split == Split.ALL) {
            return load(source, rolls).items();
        }
        String name = split.name().toLowerCase(Locale.ROOT);
        Optional<Corpus> own = isPianoRoll(source) ? CorpusLoader.ownSplit(source, name, rolls) : Optional.empty();
        if (own.isPresent()) {
            return own.get().items();
        }
        if (isPianoRoll(source)) {
            Path file = sibling(source, name).orElseThrow(() -> new CorpusFormatException(source.toString(),
                    "its name", "is not NAME.SPLIT.json, so it has no '" + name + "' split beside it"));
            if (!Files.exists(file)) {
                throw new CorpusFormatException(file.toString(), "the file", "does not exist (the '" + name
                        + "' split of " + source + ")");
            }
            return load(file, rolls).items();
        }
        if (split == Split.TEST) {
            throw new CorpusFormatException(source.toString(), "the corpus", "has no test split: only train and "
                    + "valid, split by the model's seed");
        }
        Splits splits = Splits.seeded(load(source, rolls).items(), validFraction, seed);
        return split == Split.VALID ? splits.valid() : splits.train();
    }

    /** {@code NAME.SPLIT.json} beside a {@code NAME.OTHER.json} file, when the name has that form. */
    static Optional<Path> sibling(Path file, String split) {
        String name = file.getFileName().toString();
        String[] parts = name.split("\\.");
        if (parts.length < 3 || !parts[parts.length - 1].equalsIgnoreCase("json")) {
            return Optional.empty();
        }
        parts[parts.length - 2] = split;
        return Optional.of(file.resolveSibling(String.join(".", parts)));
    }
}
