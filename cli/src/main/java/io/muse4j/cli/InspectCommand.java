package io.muse4j.cli;

import io.muse4j.midi.MidiFile;
import io.muse4j.midi.MidiReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Prints what a MIDI file holds; a file that cannot be read is reported and the others still printed. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print format, tracks, notes, duration, tempos, meters, keys, programs and pitch range of MIDI files.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MIDI files.")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON object per line per file.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        for (Path file : files) {
            MidiFile midi;
            try {
                midi = MidiReader.read(file);
            } catch (IOException | RuntimeException e) {
                err.println("muse4j: " + Failures.describe(e));
                failures++;
                continue;
            }
            ScoreSummary summary = ScoreSummary.of(file.toString(), midi);
            out.print(json ? summary.toJson() + "\n" : summary.toText());
            out.flush();
        }
        return failures == 0 ? 0 : Muse4j.FAILURE;
    }
}
