package io.muse4j.models.training;

import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.Splits;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The split every kind's training takes, with and without the validation pieces trained on. */
class TrainingRunTest {
    @TempDir
    Path dir;

    @Test
    void trainingOnValidAddsTheValidationPiecesAndSaysSo() throws Exception {
        for (int i = 0; i < 8; i++) {
            MidiWriter.write(SyntheticScores.melody(i, 16, 60, 72, 4), dir.resolve("melody-" + i + ".mid"));
        }
        EncodingSpec.PianoRoll grid = new EncodingSpec.PianoRoll(4);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        Splits held = TrainingRun.split(new TrainingRequest.Data(dir, null, grid.codec(), 0.25, 0), 1, out);
        Splits both = TrainingRun.split(new TrainingRequest.Data(dir, null, grid.codec(), 0.25, 0, true), 1, out);
        assertEquals(List.of(6, 2), List.of(held.train().size(), held.valid().size()));
        assertEquals(names(held.valid()), names(both.valid()));
        Set<String> all = names(held.train());
        all.addAll(names(held.valid()));
        assertEquals(all, names(both.train()));
        assertEquals(8, both.train().size());
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("training on the 2 validation pieces too"), said);
        assertEquals("true", TrainingRun.summary(new TrainingRequest.Data(dir, null, grid.codec(), 0.25, 0, true), both,
                1, 4).get("trainOnValid"));
    }

    private static Set<String> names(List<CorpusItem> items) {
        Set<String> names = new HashSet<>();
        items.forEach(item -> names.add(item.name()));
        return names;
    }
}
