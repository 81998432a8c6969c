package io.muse4j.cli;

import io.muse4j.midi.MidiReader;
import io.muse4j.midi.ScoreFiles;
import io.muse4j.midi.kern.KernReader;
import io.muse4j.midi.abc.AbcBook;
import io.muse4j.midi.abc.AbcException;
import io.muse4j.midi.abc.AbcReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Prints what a MIDI file or each tune of an ABC file holds; a file or tune that cannot be read is reported and the
 * others still printed.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print format, tracks, notes, duration, tempos, meters, keys, programs and pitch range of MIDI "
                + "files, of each tune of ABC files and of Humdrum **kern files.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MIDI, ABC or **kern (.krn) files.")
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
            List<ScoreSummary> summaries = new ArrayList<>();
            try {
                if (ScoreFiles.isAbcFile(file)) {
                    AbcBook book = AbcReader.readSkippingBad(file);
                    book.tunes().forEach(tune -> summaries.add(ScoreSummary.of(file.toString(), tune)));
                    for (AbcException bad : book.failures()) {
                        err.println("muse4j: " + Failures.describe(bad));
                        failures++;
                    }
                } else if (ScoreFiles.isKernFile(file)) {
                    summaries.add(ScoreSummary.ofKern(file.toString(), KernReader.read(file)));
                } else {
                    summaries.add(ScoreSummary.of(file.toString(), MidiReader.read(file)));
                }
            } catch (IOException | RuntimeException e) {
                err.println("muse4j: " + Failures.describe(e));
                failures++;
            }
            for (ScoreSummary summary : summaries) {
                out.print(json ? summary.toJson() + "\n" : summary.toText());
            }
            out.flush();
        }
        return failures == 0 ? 0 : Muse4j.FAILURE;
    }
}
