package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.ScoreFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Converts a score from one file format to another, each chosen by extension. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a score between formats, chosen by extension: reads MIDI (.mid), ABC (.abc, one tune) "
                + "and Humdrum **kern (.krn, repeats played); writes MIDI or ABC.",
                "ABC is written as one voice: the notes of several tracks become chords, which is said on standard "
                        + "error. Prints the file written."})
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "The score to read: .mid, .midi, .abc or .krn.")
    Path in;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "The file to write: .mid, "
            + ".midi or .abc.")
    Path out;

    @Option(names = "--tune", defaultValue = "1", paramLabel = "N",
            description = "Which tune of an ABC file, counting from 1 (default: ${DEFAULT-VALUE}).")
    int tune;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!ScoreFiles.isScoreFile(out) || ScoreFiles.isKernFile(out)) {
            throw new UsageException("--out " + out + ": give a .mid, .midi or .abc name (muse4j writes MIDI and "
                    + "ABC)");
        }
        List<NoteSequence> scores = ScoreFiles.read(in);
        if (tune < 1 || tune > scores.size()) {
            throw new UsageException("--tune " + tune + ": " + in + " holds " + scores.size()
                    + (scores.size() == 1 ? " tune" : " tunes"));
        }
        NoteSequence score = scores.get(tune - 1);
        long tracks = score.notes().stream().mapToInt(Note::track).distinct().count();
        if (ScoreFiles.isAbcFile(out) && tracks > 1) {
            spec.commandLine().getErr().println("muse4j: " + in + " has " + tracks + " tracks; ABC is written as one "
                    + "voice, their notes as chords");
        }
        ScoreFiles.write(score, out);
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
