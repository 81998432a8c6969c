package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.core.token.PerformanceTokenizer;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.RemiTokenizer;
import io.muse4j.core.token.ScoreCodec;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncodeDecodeTest {
    @TempDir
    Path dir;

    @Test
    void everyEncodingRoundTripsThroughFiles() throws Exception {
        NoteSequence original = SyntheticScores.polyphonic(7, 120);
        Path midi = Muse4jTest.write(dir, "in.mid", original);
        NoteSequence read = MidiReader.read(midi).sequence();
        Map<String, ScoreCodec<?>> codecs = Map.of("melody", new MelodyTokenizer(), "performance",
                new PerformanceTokenizer(), "remi", new RemiTokenizer(), "pianoroll",
                new PianoRollCodec(GridConfig.SIXTEENTHS));
        for (Map.Entry<String, ScoreCodec<?>> codec : codecs.entrySet()) {
            Path tokens = dir.resolve(codec.getKey() + ".txt");
            CliRun encode = CliRun.of("encode", midi.toString(), "--encoding", codec.getKey(), "--out", tokens.toString());
            assertEquals(0, encode.code(), encode.err());
            assertEquals("", encode.out());
            Path out = dir.resolve(codec.getKey() + ".mid");
            CliRun decode = CliRun.of("decode", tokens.toString(), "--encoding", codec.getKey(), "--out", out.toString());
            assertEquals(0, decode.code(), decode.err());
            assertEquals(out + "\n", decode.out());
            assertEquals(codec.getValue().normalize(read), MidiReader.read(out).sequence(), codec.getKey());
        }
    }

    @Test
    void tokensGoToStandardOutputOneLinePerFileAndNamesDecodeToo() throws Exception {
        Path a = Muse4jTest.write(dir, "a.mid", SyntheticScores.melody(1, 20, 55, 80, 4));
        Path b = Muse4jTest.write(dir, "b.mid", SyntheticScores.melody(2, 30, 55, 80, 4));
        CliRun ids = CliRun.of("encode", a.toString(), b.toString(), "-e", "melody");
        assertEquals(0, ids.code(), ids.err());
        String[] lines = ids.out().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].matches("[0-9]+( [0-9]+)*"), lines[0]);
        CliRun names = CliRun.of("encode", a.toString(), b.toString(), "-e", "melody", "--names");
        Path named = dir.resolve("named.txt");
        Files.writeString(named, names.out());
        CliRun decode = CliRun.of("decode", named.toString(), "-e", "melody", "-o", dir.resolve("x.mid").toString());
        assertEquals(0, decode.code(), decode.err());
        assertEquals(dir.resolve("x-1.mid") + "\n" + dir.resolve("x-2.mid") + "\n", decode.out());
        MelodyTokenizer melody = new MelodyTokenizer();
        assertEquals(melody.normalize(MidiReader.read(b).sequence()), MidiReader.read(dir.resolve("x-2.mid")).sequence());
    }

    @Test
    void aBadTokenNamesTheFileLineAndPosition() throws Exception {
        Path tokens = dir.resolve("bad.txt");
        Files.writeString(tokens, "14 0 1\n14 0 99 1\n");
        Path out = dir.resolve("bad.mid");
        CliRun run = CliRun.of("decode", tokens.toString(), "-e", "melody", "-o", out.toString());
        assertEquals(1, run.code());
        assertEquals("muse4j: " + tokens + ": line 2: token id 99 at position 2 outside 0..38\n", run.err());
        assertFalse(Files.exists(out));
        Files.writeString(tokens, "14 0 NOTE_ON_200\n");
        CliRun name = CliRun.of("decode", tokens.toString(), "-e", "melody", "-o", out.toString());
        assertEquals("muse4j: " + tokens + ": line 1: token 'NOTE_ON_200' is not in the vocabulary\n", name.err());
    }

    @Test
    void pianoRollSplitsMustBeChosen() throws Exception {
        Path json = dir.resolve("rolls.json");
        Files.writeString(json, "{\"train\": [[[60, 64], [60.0]]], \"test\": [[[62], [], [62]]]}");
        Path out = dir.resolve("r.mid");
        CliRun ambiguous = CliRun.of("decode", json.toString(), "-e", "pianoroll", "--grid", "quarter", "-o", out.toString());
        assertEquals(2, ambiguous.code());
        assertEquals("muse4j: " + json + ": holds the splits [train, test]; choose one with --split\n", ambiguous.err());
        CliRun test = CliRun.of("decode", json.toString(), "-e", "pianoroll", "--grid", "quarter", "--split", "test",
                "-o", out.toString());
        assertEquals(0, test.code(), test.err());
        assertEquals(2, MidiReader.read(out).sequence().notes().size());
    }
}
