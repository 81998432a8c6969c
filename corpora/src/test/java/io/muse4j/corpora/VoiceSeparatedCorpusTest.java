package io.muse4j.corpora;

import io.muse4j.core.score.Note;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.VoiceRoll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24: Jsb16thSeparated.json reads as four-part scores, one track per voice, in the file's own split. */
class VoiceSeparatedCorpusTest {
    private static final Path SEPARATED = SharedCorpora.resolve("jsb-chorales/Jsb16thSeparated.json");
    private static final PianoRollCodec SIXTEENTHS = new PianoRollCodec(GridConfig.SIXTEENTHS);

    @TempDir
    Path dir;

    @Test
    void theFilesOwnSplitsReadAsFourTrackChorales() throws Exception {
        assertEquals(229, CorpusSplits.load(SEPARATED, SIXTEENTHS).items().size(), "read whole, the train split");
        Splits training = CorpusSplits.forTraining(SEPARATED, CorpusSplits.load(SEPARATED, SIXTEENTHS), SIXTEENTHS,
                0.1, 1);
        assertEquals(76, training.valid().size());
        List<CorpusItem> test = CorpusSplits.pieces(SEPARATED, CorpusSplits.Split.TEST, SIXTEENTHS, 0.1, 1);
        assertEquals(77, test.size());
        // the first test chorale opens on [65, 60, 57, 53], soprano first; the alto's C holds for 12 sixteenths
        List<Note> opening = test.get(0).score().notes().stream().filter(n -> n.startTick() == 0).toList();
        assertEquals(List.of(53, 57, 60, 65), opening.stream().map(Note::pitch).toList());
        assertEquals(List.of(3, 2, 1, 0), opening.stream().map(Note::track).toList());
        assertEquals(List.of(480L, 480L, 1440L, 480L), opening.stream().map(Note::durationTicks).toList());
        int frames = 0;
        for (CorpusItem chorale : test) {
            VoiceRoll roll = VoiceRoll.of(chorale.score(), 4, 4);
            assertEquals(4, chorale.score().notes().stream().mapToInt(Note::track).distinct().count());
            frames += roll.length();
        }
        assertTrue(frames > 18_800 && frames <= 18_900, frames + " frames (18,900 with trailing silences)");
    }

    @Test
    void aSilentVoiceOutsideTheVoiceLayoutIsAnErrorNamingThePlace() throws Exception {
        Path file = Files.writeString(dir.resolve("odd.json"), "{\"train\": [[[60, 64], [60, -1, 55]]]}");
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> CorpusSplits.load(file, SIXTEENTHS));
        assertTrue(e.getMessage().contains("odd.json#train/0") && e.getMessage().contains("frame 1")
                && e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void piecesOfASplitTheFileLacksAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("two.json"), "{\"train\": [[[60, 64], [62, 65]]]}");
        assertThrows(CorpusFormatException.class,
                () -> CorpusSplits.pieces(file, CorpusSplits.Split.TEST, SIXTEENTHS, 0.1, 1));
    }
}
