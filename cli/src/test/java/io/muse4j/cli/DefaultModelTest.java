package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.midi.MidiReader;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.sampling.GenerationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled model: where it came from, how good it was on validation, and what it makes out of the box. */
class DefaultModelTest {
    @TempDir
    Path dir;

    @Test
    void isASmallFolkMelodyModelWithItsValidationLoss() throws Exception {
        for (Models.Bundled bundled : Models.BUNDLED) {
            URL resource = Models.class.getResource(bundled.resource());
            assertNotNull(resource, "the bundled model " + bundled.name() + " is missing");
            long bytes = resource.openConnection().getContentLengthLong();
            assertTrue(bytes > 0 && bytes <= 20_000_000, bundled.name() + ": " + bytes + " bytes");
        }
        SavedModel model = Models.load(Models.DEFAULT);
        assertEquals("token-transformer", model.model().kind());
        assertEquals("abc", model.encoding().name());
        assertTrue(model.training().get("corpus").endsWith("folk-abc/MIDI"), model.training().toString());
        double nll = Double.parseDouble(model.training().get("validationNllPerToken"));
        assertTrue(nll < 1.0, "validation NLL " + nll); // a uniform guess over its 236 tokens scores 5.46
        assertTrue(((EncodingSpec.Abc) model.encoding()).barNumbers(), model.encoding().toString());
        // a model file from before bar numbers (2026-12-06) reads, and keeps its vocabulary of 227
        SavedModel before = Models.load("folk-tunes-2026");
        assertFalse(((EncodingSpec.Abc) before.encoding()).barNumbers(), before.encoding().toString());
        assertEquals(227, before.vocabulary().size());
        assertEquals(before.vocabulary(), before.encoding().tokenizer().vocabulary().names());
    }

    @Test
    void aBundledModelSamplesAtItsOwnTemperaturesAndTopPUnlessTold() {
        GenerationRequest.Sampling none = new GenerationRequest.Sampling(null, null, null, 1);
        assertEquals(new GenerationRequest.Sampling(0.9, null, 0.9, null, 1.1, 1),
                Models.withDefaults("default", none, null, null));
        GenerationRequest.Sampling told = new GenerationRequest.Sampling(1.2, 5, null, 2);
        assertEquals(new GenerationRequest.Sampling(1.2, 5, 0.9, null, 1.1, 2),
                Models.withDefaults("default", told, null, null), "each control not given is the model's own");
        assertEquals(new GenerationRequest.Sampling(0.9, null, 0.9, 0.8, 1.0, 1),
                Models.withDefaults("default", none, "0.8", "1"));
        assertEquals(new GenerationRequest.Sampling(0.9, null, 0.9, null, null, 1),
                Models.withDefaults("default", none, "same", "same"), "'same' draws new material as the rest");
        assertEquals(none, Models.withDefaults("folk-lstm-2025", none, null, null));
        assertEquals(none, Models.withDefaults("some/model.m4j", none, null, null));
    }

    @Test
    void modelsListsTheBundledModelsTheDefaultFirst() {
        CliRun run = CliRun.of("models");
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(14, lines.length, run.out());
        assertTrue(lines[0].startsWith("folk-phrases-2026      token-transformer validation NLL 0.668 nats per "
                + "token (default)"), lines[0]);
        assertTrue(lines[2].startsWith("folk-tunes-2026        token-transformer"), lines[2]);
        assertTrue(lines[4].startsWith("folk-transformer-2026  token-transformer"), lines[4]);
        assertTrue(lines[6].startsWith("folk-lstm-2025         token-lstm"), lines[6]);
        assertTrue(lines[8].matches("chorale {16}pianoroll-lstm {3}validation NLL [0-9]\\.[0-9]{3} nats per frame"),
                lines[8]);
        assertTrue(lines[10].matches("harmonizer +minibach +validation NLL 0\\.[0-9]{3} nats per part step "
                + "\\(trained on those pieces too\\)"),
                lines[10]);
        assertTrue(lines[12].matches("regenerator +deepbach +validation NLL 0\\.[0-9]{3} nats per part step "
                + "\\(trained on those pieces too\\)"),
                lines[12]);
        assertEquals("", run.err());
    }

    @Test
    void generatesAWholeTuneOnAFreshCheckoutWithNoFlagsButOut() throws Exception {
        Path out = dir.resolve("melody.mid");
        CliRun run = CliRun.of("generate", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(out + "\n", run.out());
        NoteSequence melody = MidiReader.read(out).sequence();
        assertTrue(melody.notes().size() >= 32, melody.notes().size() + " notes");
        long distinct = melody.notes().stream().mapToInt(Note::pitch).distinct().count();
        assertTrue(distinct >= 5, distinct + " distinct pitches");
        for (Note note : melody.notes()) {
            assertTrue(note.pitch() >= 48 && note.pitch() <= 96, "pitch " + note.pitch());
        }
        assertTrue(melody.durationSeconds() < 600, "the tune ended by itself: " + melody.durationSeconds() + " s");
        assertTrue(!melody.timeSignatures().isEmpty() && !melody.keySignatures().isEmpty(), "it states meter and key");
    }

    /** The bundled chorale model: an RNN-NADE on the JSB Chorales, writing quarter-note chords out of the box. */
    @Test
    void theChoraleModelWritesEightBarsOfFourPartChords() throws Exception {
        SavedModel chorale = Models.load("chorale");
        assertEquals("pianoroll-lstm", chorale.model().kind());
        assertEquals(1, chorale.encoding().stepsPerQuarter(), "a frame a quarter note, as the chorales' rolls");
        assertTrue(chorale.training().get("corpus").endsWith("jsb_chorales.train.json"), chorale.training().toString());
        Path out = dir.resolve("chorale.mid");
        CliRun run = CliRun.of("generate", "--model", "chorale", "--bars", "8", "--seed", "3", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(out + "\n", run.out());
        NoteSequence piece = MidiReader.read(out).sequence();
        long bars = 8L * 4 * piece.resolution();
        assertTrue(piece.notes().stream().allMatch(n -> n.endTick() <= bars), "eight bars of 4/4");
        int[] sounding = new int[32];
        for (Note note : piece.notes()) {
            assertTrue(note.pitch() >= 36 && note.pitch() <= 96, "pitch " + note.pitch());
            for (long beat = note.startTick() / piece.resolution(); beat * piece.resolution() < note.endTick(); beat++) {
                sounding[(int) beat]++;
            }
        }
        double mean = java.util.Arrays.stream(sounding).average().orElseThrow();
        assertTrue(mean > 3 && mean <= 5, "about four voices sound on each beat: " + mean);
    }

    @Test
    void exactBarsEndOnTheBarLine() throws Exception {
        Path out = dir.resolve("sixteen.mid");
        CliRun run = CliRun.of("generate", "--bars", "16", "--seed", "2", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        NoteSequence melody = MidiReader.read(out).sequence();
        boolean pickup = melody.bars().pickupEnd() > 0;
        int bars = melody.bars().starts(melody.endTick() - 1).length - (pickup ? 1 : 0);
        assertTrue(bars >= 15 && bars <= 16, bars + " bars after any pickup");
    }

    @Test
    void stopsAfterTheSecondsAskedForWithABeamSearch() throws Exception {
        Path out = dir.resolve("short.mid");
        CliRun run = CliRun.of("generate", "--seconds", "4", "--beam", "3", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        double seconds = MidiReader.read(out).sequence().durationSeconds();
        assertTrue(seconds <= 4 + 1e-3 && seconds > 3, seconds + " s");
    }
}
