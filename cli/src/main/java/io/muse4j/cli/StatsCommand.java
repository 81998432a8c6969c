package io.muse4j.cli;

import io.muse4j.audio.StatisticsPicture;
import io.muse4j.core.stats.PieceSet;
import io.muse4j.core.stats.StatsReport;
import io.muse4j.corpora.Corpus;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusLoader;
import io.muse4j.corpora.Skipped;
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

/** Compares generated pieces with a reference corpus by the music statistics of io.muse4j.core.stats. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Compare generated pieces with a reference corpus: each statistic's mean and spread in both "
                + "sets and their Kolmogorov-Smirnov distance, a classifier two-sample test (0.5: "
                + "indistinguishable), the longest run copied from a reference piece, and the estimated keys.",
                "README.md (Music statistics) defines every statistic. A file that cannot be read is named on "
                        + "stderr and nothing is compared."})
final class StatsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "GENERATED", description = "MIDI files, folders or list files.")
    List<Path> generated;

    @Option(names = "--reference", required = true, paramLabel = "CORPUS",
            description = "MIDI folder, list file or MIDI file.")
    Path reference;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--plot", paramLabel = "PNG", description = "Also draw a histogram of each statistic.")
    Path plot;

    @Option(names = "--melody", description = "Compare melodies: reduce every piece of both sets to its highest "
            + "voice (the line the melody encodings learn) first, leaving out accompaniment such as chord tracks.")
    boolean melody;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the classifier test (default: 1).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PieceSet gen = read(generated, err);
        PieceSet ref = read(List.of(reference), err);
        if (gen == null || ref == null) {
            return Muse4j.FAILURE;
        }
        StatsReport report = melody ? StatsReport.compare(gen.melodies(), ref.melodies(), seed)
                : StatsReport.compare(gen, ref, seed);
        if (plot != null) {
            StatisticsPicture.write(report, plot);
        }
        spec.commandLine().getOut().print(json ? report.toJson() + "\n" : report.toText());
        return 0;
    }

    /** The pieces of the sources, or null after naming on stderr each file that could not be read. */
    private static PieceSet read(List<Path> sources, PrintWriter err) throws IOException {
        List<CorpusItem> items = new ArrayList<>();
        boolean failed = false;
        for (Path source : sources) {
            Corpus corpus = CorpusLoader.read(source.toString(), CorpusLoader.midiFiles(source));
            for (Skipped s : corpus.skipped()) {
                err.println("muse4j: " + s);
            }
            if (corpus.items().isEmpty() && corpus.skipped().isEmpty()) {
                err.println("muse4j: " + source + ": holds no MIDI files");
            }
            failed |= !corpus.skipped().isEmpty() || corpus.items().isEmpty();
            items.addAll(corpus.items());
        }
        return failed ? null : new PieceSet(items.stream().map(CorpusItem::name).toList(),
                items.stream().map(CorpusItem::score).toList());
    }
}
