package io.muse4j.corpora;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.stats.PieceSet;
import io.muse4j.core.stats.StatisticComparison;
import io.muse4j.core.stats.StatsReport;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The music statistics on real Irish folk tunes: 100 of them against 100 others. */
class FolkStatisticsTest {
    @Test
    void realTunesLookLikeRealTunes() throws IOException {
        List<Path> files = SharedCorpora.midiFiles("folk-abc/MIDI");
        StatsReport report = StatsReport.compare(read(files.subList(0, 100)), read(files.subList(100, 200)), 1);
        System.out.print(report.toText());
        for (StatisticComparison c : report.comparisons()) {
            assertTrue(c.ks() < 0.3, c.toString()); // two halves of one corpus
        }
        assertTrue(value(report, "repeated_bars") > 0.2, report.comparisons().toString());
        assertTrue(value(report, "scale_consistency") > 0.95, report.comparisons().toString());
        assertTrue(value(report, "stepwise_share") > 0.4, report.comparisons().toString());
        assertTrue(value(report, "polyphony") < 0.1, report.comparisons().toString()); // a few files hold two parts
        assertTrue(Math.abs(report.classifierAccuracy() - 0.5) < 0.15, "accuracy " + report.classifierAccuracy());
        // distinct tunes share phrases, not whole tunes
        assertTrue(report.copies().get(report.mostCopied()).length() < 200, report.copies().toString());
        double gAndD = report.referenceKeys().getOrDefault("G major", 0.0)
                + report.referenceKeys().getOrDefault("D major", 0.0);
        assertTrue(gAndD > 0.5, report.referenceKeys().toString());
    }

    private static double value(StatsReport report, String statistic) {
        return report.comparisons().stream().filter(c -> c.name().equals(statistic)).findFirst().orElseThrow()
                .referenceMean();
    }

    private static PieceSet read(List<Path> files) throws IOException {
        List<String> names = new ArrayList<>();
        List<NoteSequence> scores = new ArrayList<>();
        for (Path file : files) {
            names.add(file.getFileName().toString());
            scores.add(MidiReader.read(file).sequence());
        }
        return new PieceSet(names, scores);
    }
}
