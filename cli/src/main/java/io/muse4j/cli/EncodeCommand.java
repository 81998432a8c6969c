package io.muse4j.cli;

import io.muse4j.core.io.AtomicFiles;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.ScoreCodec;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.corpora.PianoRollJson;
import io.muse4j.midi.ScoreFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Turns MIDI and ABC files into token ids (one line per MIDI file or ABC tune) or, for piano roll, into the corpora's
 * JSON layout.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Encode MIDI and ABC files as tokens: space-separated ids, one line per MIDI file or ABC tune.",
                "The pianoroll encoding writes one JSON list of sequences of frames of pitches."})
final class EncodeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MIDI or ABC files.")
    List<Path> files;

    @Mixin
    EncodingOptions encoding;

    @Option(names = {"-o", "--out"}, paramLabel = "F", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--names", description = "Print token names instead of ids.")
    boolean names;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ScoreCodec<?> codec = encoding.codec();
        List<NoteSequence> scores = new ArrayList<>();
        for (Path file : files) {
            scores.addAll(ScoreFiles.read(file));
        }
        String text = codec instanceof PianoRollCodec roll ? pianoRoll(roll, scores) : tokens((Tokenizer) codec, scores);
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.write(out, text.getBytes(StandardCharsets.UTF_8));
        }
        return 0;
    }

    private static String pianoRoll(PianoRollCodec codec, List<NoteSequence> scores) {
        List<PianoRoll> rolls = scores.stream().map(codec::encode).toList();
        return PianoRollJson.toJson(rolls) + "\n";
    }

    private String tokens(Tokenizer tokenizer, List<NoteSequence> scores) {
        StringBuilder text = new StringBuilder();
        for (NoteSequence seq : scores) {
            int[] ids = tokenizer.encode(seq);
            for (int i = 0; i < ids.length; i++) {
                text.append(i == 0 ? "" : " ").append(names ? tokenizer.vocabulary().name(ids[i]) : ids[i]);
            }
            text.append('\n');
        }
        return text.toString();
    }
}
