package io.muse4j.corpora;

import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PianoRollJsonTest {
    @TempDir
    Path dir;

    @Test
    void readsBareListsAndSplitsWithFloatPitches() throws Exception {
        Map<String, List<PianoRoll>> bare = PianoRollJson.read(new StringReader("[[[60, 64.0], []], [[21]]]"), "x");
        assertEquals(List.of(PianoRollJson.UNSPLIT), List.copyOf(bare.keySet()));
        assertEquals(List.of(new PianoRoll(new int[][] {{60, 64}, {}}), new PianoRoll(new int[][] {{21}})),
                bare.get(PianoRollJson.UNSPLIT));
        Map<String, List<PianoRoll>> splits = PianoRollJson.read(
                new StringReader("{\"train\": [[[60]]], \"test\": []}"), "x");
        assertEquals(List.of("train", "test"), List.copyOf(splits.keySet()));
        assertEquals(List.of(new PianoRoll(new int[][] {{60}})), splits.get("train"));
    }

    @Test
    void writesWhatItReads() throws Exception {
        List<PianoRoll> rolls = List.of(new PianoRoll(new int[][] {{60, 64}, {}, {67}}), new PianoRoll(new int[0][]));
        String json = PianoRollJson.toJson(rolls);
        assertEquals("[[[60,64],[],[67]],[]]", json);
        assertEquals(rolls, PianoRollJson.read(new StringReader(json), "x").get(PianoRollJson.UNSPLIT));
    }

    @Test
    void brokenFilesNameTheFileAndPlace() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[[[60, 61],\n [\"C4\"]]]");
        assertEquals(file + ": line 2, column 3: expected a pitch number, found VALUE_STRING",
                assertThrows(CorpusFormatException.class, () -> PianoRollJson.read(file)).getMessage());
        Files.writeString(file, "[[[60, 61.5]]]");
        assertEquals(file + ": line 1, column 8: pitch 61.5 is not a MIDI pitch 0..127",
                assertThrows(CorpusFormatException.class, () -> PianoRollJson.read(file)).getMessage());
        Files.writeString(file, "[[[60, 61]]");
        assertThrows(CorpusFormatException.class, () -> PianoRollJson.read(file));
        for (String pitch : List.of("-1", "-1.0", "200", "128")) { // one range check for all
            Files.writeString(file, "[[[60, " + pitch + "]]]");
            assertEquals(file + ": line 1, column 8: pitch " + pitch + " is not a MIDI pitch 0..127",
                    assertThrows(CorpusFormatException.class, () -> PianoRollJson.read(file)).getMessage());
        }
    }

    @Tag("slow")
    @Test
    void readsEveryBenchmarkSplitWithItsPublishedSize() throws Exception {
        Map<String, Integer> sizes = Map.of("jsb_chorales", 229 + 76 + 77, "nottingham", 694 + 173 + 170,
                "musedata", 524 + 135 + 124, "piano_midi", 87 + 12 + 25);
        PianoRollCodec codec = new PianoRollCodec(GridConfig.QUARTERS);
        for (Map.Entry<String, Integer> corpus : sizes.entrySet()) {
            int sequences = 0;
            for (String split : List.of("train", "valid", "test")) {
                Path file = SharedCorpora.resolve("polyphonic-pianoroll/" + corpus.getKey() + "." + split + ".json");
                for (PianoRoll roll : PianoRollJson.read(file).get(PianoRollJson.UNSPLIT)) {
                    assertEquals(withoutTrailingRests(roll), codec.encode(codec.decode(roll)), file.toString());
                    sequences++;
                }
            }
            assertEquals(corpus.getValue(), sequences, corpus.getKey());
        }
        Map<String, List<PianoRoll>> jsb = PianoRollJson.read(SharedCorpora.resolve("jsb-chorales/jsb-chorales-16th.json"));
        assertEquals(Map.of("train", 229, "valid", 76, "test", 77),
                Map.of("train", jsb.get("train").size(), "valid", jsb.get("valid").size(), "test", jsb.get("test").size()));
    }

    private static PianoRoll withoutTrailingRests(PianoRoll roll) {
        int[][] frames = roll.frames();
        int length = frames.length;
        while (length > 0 && frames[length - 1].length == 0) {
            length--;
        }
        return new PianoRoll(Arrays.copyOf(frames, length));
    }
}
