package io.muse4j.core.token;

import io.muse4j.core.score.ControlChange;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.score.TempoChange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerformanceTokenizerTest {
    private final PerformanceTokenizer perf = new PerformanceTokenizer();

    /** A score in the tokenizer's output frame: 500 ticks per quarter at 120 per minute, so 1 tick = 1 ms. */
    private static NoteSequenceBuilder millis() {
        return NoteSequence.builder(500).tempo(new TempoChange(0, 500_000));
    }

    private List<String> names(int[] tokens) {
        return Arrays.stream(tokens).mapToObj(perf.vocabulary()::name).toList();
    }

    private void assertRoundTrip(NoteSequence x, String what) {
        NoteSequence normalized = perf.normalize(x);
        assertEquals(normalized, perf.decode(perf.encode(x)), what + ": decode(encode(x)) != normalize(x)");
        assertEquals(normalized, perf.normalize(normalized), what + ": normalize is not idempotent");
    }

    @Test
    void idLayoutFollowsMagenta() {
        Object[][] table = {
            {"NOTE_ON_0", 0}, {"NOTE_ON_60", 60}, {"NOTE_ON_127", 127},
            {"NOTE_OFF_0", 128}, {"NOTE_OFF_60", 188}, {"NOTE_OFF_127", 255},
            {"TIME_SHIFT_10MS", 256}, {"TIME_SHIFT_20MS", 257}, {"TIME_SHIFT_500MS", 305}, {"TIME_SHIFT_1000MS", 355},
            {"VELOCITY_1", 356}, {"VELOCITY_17", 372}, {"VELOCITY_32", 387},
        };
        Vocabulary v = perf.vocabulary();
        assertEquals(388, v.size());
        for (Object[] row : table) {
            assertEquals(row[1], v.id((String) row[0]), (String) row[0]);
            assertEquals(row[0], v.name((Integer) row[1]), "id " + row[1]);
        }
    }

    @Test
    void velocityBinsFollowMagenta() {
        VelocityBins bins = new VelocityBins(32);
        assertEquals(4, bins.binSize());
        assertEquals(List.of(1, 1, 2, 20, 25, 32, 32), List.of(bins.bin(1), bins.bin(4), bins.bin(5), bins.bin(80),
                bins.bin(100), bins.bin(125), bins.bin(127)));
        assertEquals(List.of(1, 77, 125), List.of(bins.velocity(1), bins.velocity(20), bins.velocity(32)));
        assertEquals(16, new VelocityBins(16).bin(127));
        assertEquals(127, new VelocityBins(127).quantize(127));
    }

    @Test
    void encodesALiteralScore() {
        // 480 ticks per quarter at the default 120 per minute: 960 ticks a second
        NoteSequence seq = NoteSequence.builder(480).note(60, 80, 0, 480).note(64, 80, 240, 240)
                .note(62, 80, 480, 240).note(67, 100, 1920, 960).build();
        int[] tokens = perf.encode(seq);
        assertEquals(List.of("VELOCITY_20", "NOTE_ON_60", "TIME_SHIFT_250MS", "NOTE_ON_64", "TIME_SHIFT_250MS",
                "NOTE_OFF_60", "NOTE_OFF_64", "NOTE_ON_62", "TIME_SHIFT_250MS", "NOTE_OFF_62", "TIME_SHIFT_1000MS",
                "TIME_SHIFT_250MS", "VELOCITY_25", "NOTE_ON_67", "TIME_SHIFT_1000MS", "NOTE_OFF_67"), names(tokens));
        assertArrayEquals(new int[] {375, 60, 280, 64, 280, 188, 192, 62, 280, 190, 355, 280, 380, 67, 355, 195},
                tokens);
        NoteSequence expected = millis().note(60, 77, 0, 500).note(64, 77, 250, 250).note(62, 77, 500, 250)
                .note(67, 97, 2000, 1000).build();
        assertEquals(expected, perf.decode(tokens));
    }

    @Test
    void normalizeFollowsTempoChangesExactly() {
        // 120 per minute, then 150 per minute (400000 us) from tick 960 = 1.0 s
        NoteSequence seq = NoteSequence.builder(480).tempo(new TempoChange(0, 500_000))
                .tempo(new TempoChange(960, 400_000)).note(60, 100, 480, 960).note(62, 100, 1200, 240).build();
        NoteSequence expected = millis().note(60, 97, 500, 900).note(62, 97, 1200, 200).build();
        assertEquals(expected, perf.normalize(seq));
        assertRoundTrip(seq, "tempo change");
    }

    @Test
    void normalizeRoundsHalfStepsUpExactly() {
        // at 100 ticks per quarter a tick is 5 ms, so odd ticks lie exactly half-way between 10 ms steps; in
        // floating point tick 29 comes to 14.499999999999998 steps and would round down
        NoteSequence seq = NoteSequence.builder(100).note(60, 100, 1, 1).note(62, 100, 29, 2).build();
        assertEquals(millis().note(60, 97, 10, 10).note(62, 97, 150, 10).build(), perf.normalize(seq));
    }

    @Test
    void normalizeAppliesTheSustainPedal() {
        // pedal down over 0.125..1.0 s; the second strike of 60 ends the first, and the pedal holds the second
        NoteSequence seq = NoteSequence.builder(480).note(60, 100, 0, 240).note(60, 100, 480, 120)
                .note(72, 100, 1440, 240).sustain(120, true, 0).sustain(960, false, 0).build();
        NoteSequence expected = millis().note(60, 97, 0, 500).note(60, 97, 500, 500).note(72, 97, 1500, 250).build();
        assertEquals(expected, perf.normalize(seq));
        assertRoundTrip(seq, "sustain");
    }

    @Test
    void aNewOnsetEndsTheSoundingNoteOfItsPitch() {
        NoteSequence seq = millis().note(60, 100, 0, 1000).note(60, 90, 300, 200).build();
        assertEquals(millis().note(60, 97, 0, 300).note(60, 89, 300, 200).build(), perf.normalize(seq));
        assertRoundTrip(seq, "same-pitch overlap");
    }

    @Test
    void notesOfAPitchOnOneStepBecomeOne() {
        // 4 ms rounds onto step 0: one note, as long as the longer, with the higher velocity bin
        NoteSequence seq = millis().note(60, 40, 0, 100).note(60, 100, 4, 300).build();
        assertEquals(millis().note(60, 97, 0, 300).build(), perf.normalize(seq));
        assertRoundTrip(seq, "same onset");
    }

    @Test
    void normalizeKeepsOnlyPlainPitchedNotes() {
        NoteSequence seq = NoteSequence.builder(480).note(new Note(60, 100, 0, 1, 40, 3, false, 2))
                .note(new Note(36, 100, 0, 480, 0, 9, true, 1)).timeSignature(0, 3, 4).keySignature(0, 2, false)
                .controlChange(new ControlChange(0, 7, 100, 3, 2)).trackName(0, "piano").tag("source", "test").build();
        assertEquals(millis().note(60, 97, 0, 10).build(), perf.normalize(seq));
    }

    @Test
    void roundTripsEdgeCases() {
        assertRoundTrip(NoteSequence.of(480, List.of()), "empty");
        assertArrayEquals(new int[0], perf.encode(NoteSequence.of(480, List.of())));
        assertEquals(millis().build(), perf.decode(new int[0]));
        assertRoundTrip(millis().note(60, 100, 0, 60_000).note(64, 30, 59_990, 20).build(), "long note");
        assertRoundTrip(millis().note(60, 100, 0, 10).note(62, 100, 12_345, 10).build(), "long gap");
        assertRoundTrip(millis().note(60, 100, 0, 500).note(64, 20, 0, 500).note(67, 127, 0, 250)
                .note(60, 100, 500, 500).build(), "chords and a repeated pitch");
        NoteSequenceBuilder tempi = NoteSequence.builder(384);
        for (int i = 0; i < 50; i++) {
            tempi.tempo(new TempoChange(i * 97L, 300_000 + 17_000 * i)).note(40 + i, 1 + 2 * i, i * 53L, 1 + i * 7L);
        }
        assertRoundTrip(tempi.build(), "many tempo changes");
        assertRoundTrip(NoteSequence.builder(1).note(60, 1, 1, 1).note(60, 127, 2, 1).build(), "coarse resolution");
    }

    @Test
    void encodedTokensFollowTheLayoutOnRandomScores() {
        for (long seed = 0; seed < 200; seed++) {
            NoteSequence x = SyntheticScores.polyphonic(seed, 80);
            int[] tokens = perf.encode(x);
            assertRoundTrip(x, "seed " + seed);
            for (int id : tokens) {
                perf.vocabulary().checkId(id);
            }
            assertTrue(tokens.length == 0 || perf.vocabulary().name(tokens[tokens.length - 1]).startsWith("NOTE_OFF"),
                    "seed " + seed + " ends with a time shift or note-on");
        }
    }

    @Test
    void decodeOfAnyIdsGivesANormalizedScore() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int[] tokens = random.ints(1 + random.nextInt(300), 0, 388).toArray();
            NoteSequence decoded = perf.decode(tokens);
            assertEquals(decoded, perf.normalize(decoded), "trial " + trial);
            assertEquals(decoded, perf.decode(perf.encode(decoded)), "trial " + trial);
        }
    }

    @Test
    void otherSettingsRoundTrip() {
        PerformanceTokenizer coarse = new PerformanceTokenizer(new PerformanceConfig(125, 50, 16));
        assertEquals(256 + 50 + 16, coarse.vocabulary().size());
        assertEquals(List.of(256, 305, 306, 321), List.of(coarse.vocabulary().id("TIME_SHIFT_8MS"),
                coarse.vocabulary().id("TIME_SHIFT_400MS"), coarse.vocabulary().id("VELOCITY_1"),
                coarse.vocabulary().id("VELOCITY_16")));
        for (long seed = 0; seed < 50; seed++) {
            NoteSequence x = SyntheticScores.polyphonic(seed, 60);
            assertEquals(coarse.normalize(x), coarse.decode(coarse.encode(x)), "seed " + seed);
            assertEquals(coarse.normalize(x), coarse.normalize(coarse.normalize(x)), "seed " + seed);
        }
    }

    @Test
    void decodeToleratesWhatModelsGenerate() {
        // a stray off; an on before any VELOCITY (bin of 64 = 16, velocity 61); a repeated on ends the first;
        // an off at its on's time keeps one step; a note still sounding at the end stops there
        String[] names = {"NOTE_OFF_60", "NOTE_ON_60", "TIME_SHIFT_100MS", "NOTE_ON_60", "VELOCITY_32", "NOTE_ON_64",
            "NOTE_OFF_64", "TIME_SHIFT_50MS"};
        int[] tokens = Arrays.stream(names).mapToInt(perf.vocabulary()::id).toArray();
        NoteSequence expected = millis().note(60, 61, 0, 100).note(60, 61, 100, 50).note(64, 125, 100, 10).build();
        assertEquals(expected, perf.decode(tokens));
    }

    @Test
    void badIdsAndSettingsAreNamed() {
        assertEquals("token id 400 at position 2 outside 0..387", assertThrows(IllegalArgumentException.class,
                () -> perf.decode(new int[] {60, 300, 400})).getMessage());
        assertEquals("token id -1 at position 0 outside 0..387", assertThrows(IllegalArgumentException.class,
                () -> perf.decode(new int[] {-1})).getMessage());
        assertEquals("steps per second 30 must divide 1000, so that a step is a whole number of milliseconds",
                assertThrows(IllegalArgumentException.class, () -> new PerformanceConfig(30, 100, 32)).getMessage());
        assertEquals("max time shift steps 0 outside 1..10000",
                assertThrows(IllegalArgumentException.class, () -> new PerformanceConfig(100, 0, 32)).getMessage());
        assertEquals("velocity bins 33 leave empty bins: bins of 4 velocities fill only 32 of them",
                assertThrows(IllegalArgumentException.class, () -> new PerformanceConfig(100, 100, 33)).getMessage());
        assertEquals("velocity bins 0 outside 1..127",
                assertThrows(IllegalArgumentException.class, () -> new VelocityBins(0)).getMessage());
    }

    @Test
    void secondsCountATrailingSilence() {
        Vocabulary v = perf.vocabulary();
        int[] tokens = {v.id("NOTE_ON_60"), v.id("TIME_SHIFT_500MS"), v.id("NOTE_OFF_60"), v.id("TIME_SHIFT_1000MS")};
        assertEquals(0.5, perf.decode(tokens).durationSeconds(), 1e-9);
        assertEquals(1.5, perf.seconds(tokens), 1e-9);
    }
}
