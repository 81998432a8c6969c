package io.muse4j.cli;

import io.muse4j.core.io.InputFiles;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.ScoreCodec;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.corpora.PianoRollJson;
import io.muse4j.midi.MidiWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Turns token lines (or piano-roll JSON) back into MIDI files. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode tokens into MIDI: one file per line (or per piano-roll sequence).",
                "With several sequences, OUT.mid becomes OUT-1.mid ... OUT-N.mid. Prints the files written."})
final class DecodeCommand implements Callable<Integer> {
    /** The largest token or piano-roll JSON file decode reads, as for piano-roll corpora. */
    static final long MAX_INPUT_BYTES = PianoRollJson.MAX_FILE_BYTES;

    @Parameters(index = "0", paramLabel = "F", description = "Token file as 'encode' writes it, or - for standard input.")
    String input;

    @Mixin
    EncodingOptions encoding;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.mid", description = "MIDI file to write.")
    Path out;

    @Option(names = "--split", paramLabel = "NAME", description = "Split to decode from a piano-roll file of splits.")
    String split;

    @Spec
    CommandSpec spec;

    /** Where each decoded score came from ("line 3", "sequence 2"), for messages. */
    private final List<String> sources = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ScoreCodec<?> codec = encoding.codec();
        List<NoteSequence> scores;
        try (Reader in = open()) {
            scores = codec instanceof PianoRollCodec roll ? pianoRolls(roll, in) : tokenLines((Tokenizer) codec, in);
        }
        if (scores.isEmpty()) {
            throw new IllegalArgumentException(input + ": holds no sequence to decode");
        }
        for (int i = 0; i < scores.size(); i++) {
            Path target = scores.size() == 1 ? out : numbered(out, i + 1);
            try {
                MidiWriter.write(scores.get(i), target);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(input + ": " + sources.get(i) + ": " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println(target);
        }
        return 0;
    }

    private Reader open() throws IOException {
        return input.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : InputFiles.newReader(Path.of(input), MAX_INPUT_BYTES);
    }

    private List<NoteSequence> pianoRolls(PianoRollCodec codec, Reader in) throws IOException {
        Map<String, List<PianoRoll>> splits = PianoRollJson.read(in, input);
        List<PianoRoll> rolls;
        if (split != null) {
            rolls = splits.get(split);
            if (rolls == null) {
                throw new UsageException(input + ": no split '" + split + "' (it has " + splits.keySet() + ")");
            }
        } else if (splits.size() == 1) {
            rolls = splits.values().iterator().next();
        } else {
            throw new UsageException(input + ": holds the splits " + splits.keySet() + "; choose one with --split");
        }
        List<NoteSequence> scores = new ArrayList<>();
        for (int i = 0; i < rolls.size(); i++) {
            scores.add(decodeOrExplain(codec, rolls.get(i), "sequence " + (i + 1)));
        }
        return scores;
    }

    private List<NoteSequence> tokenLines(Tokenizer tokenizer, Reader in) throws IOException {
        List<NoteSequence> scores = new ArrayList<>();
        BufferedReader lines = new BufferedReader(in);
        String line;
        for (int number = 1; (line = lines.readLine()) != null; number++) {
            if (!line.isBlank()) {
                int[] ids = TokenText.parse(line, tokenizer.vocabulary(), input + ": line " + number);
                scores.add(decodeOrExplain(tokenizer, ids, "line " + number));
            }
        }
        return scores;
    }

    private <E> NoteSequence decodeOrExplain(ScoreCodec<E> codec, E encoded, String where) {
        sources.add(where);
        try {
            return codec.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input + ": " + where + ": " + e.getMessage(), e);
        }
    }

    /** OUT.mid as OUT-n.mid. */
    static Path numbered(Path file, int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return file.resolveSibling(numbered);
    }
}
