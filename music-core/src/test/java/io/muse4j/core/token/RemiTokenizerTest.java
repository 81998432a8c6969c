package io.muse4j.core.token;

import io.muse4j.core.score.ControlChange;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RemiTokenizerTest {
    /** Tempo bin 19 of the default 32 (40..250 per minute), the one 120 per minute falls in. */
    private static final int BIN_19_MICROS = 487_858;
    private final RemiTokenizer remi = new RemiTokenizer();

    private int[] ids(String... names) {
        return Arrays.stream(names).mapToInt(remi.vocabulary()::id).toArray();
    }

    private List<String> names(int[] tokens) {
        return Arrays.stream(tokens).mapToObj(remi.vocabulary()::name).toList();
    }

    /** A score in the default output frame: 480 ticks per quarter, 4/4, tempo bin 19. */
    private static NoteSequenceBuilder frame() {
        return NoteSequence.builder(480).timeSignature(0, 4, 4).tempo(new TempoChange(0, BIN_19_MICROS));
    }

    private static void assertRoundTrip(RemiTokenizer tokenizer, NoteSequence x, String what) {
        NoteSequence normalized = tokenizer.normalize(x);
        int[] tokens = tokenizer.encode(x);
        assertEquals(normalized, tokenizer.decode(tokens), what + ": decode(encode(x)) != normalize(x)");
        assertEquals(normalized, tokenizer.normalize(normalized), what + ": normalize is not idempotent");
        assertArrayEquals(tokens, tokenizer.encode(normalized), what + ": encode(normalize(x)) != encode(x)");
        for (int id : tokens) {
            tokenizer.vocabulary().checkId(id);
        }
    }

    @Test
    void idLayout() {
        Object[][] table = {
            {"BAR", 0}, {"TIME_SIG_1/2", 1}, {"TIME_SIG_16/2", 16}, {"TIME_SIG_1/4", 17}, {"TIME_SIG_3/4", 19},
            {"TIME_SIG_4/4", 20}, {"TIME_SIG_6/8", 38}, {"TIME_SIG_16/16", 64},
            {"POSITION_0", 65}, {"POSITION_16", 81}, {"POSITION_127", 192}, {"TEMPO_0", 193}, {"TEMPO_19", 212},
            {"TEMPO_31", 224}, {"PITCH_0", 225}, {"PITCH_60", 285}, {"PITCH_127", 352}, {"VELOCITY_1", 353},
            {"VELOCITY_32", 384}, {"DURATION_1", 385}, {"DURATION_64", 448},
        };
        Vocabulary v = remi.vocabulary();
        assertEquals(449, v.size());
        for (Object[] row : table) {
            assertEquals(row[1], v.id((String) row[0]), (String) row[0]);
            assertEquals(row[0], v.name((Integer) row[1]), "id " + row[1]);
        }
    }

    @Test
    void encodesALiteralScore() {
        // bar 0 in 4/4: a chord, then G4 at step 10; bar 1 empty; bar 2 in 3/4 at 90 per minute with a note held
        // for 20 quarters (cut to 64 steps); bar 3: the loudest note on the last step of the bar
        NoteSequence seq = NoteSequence.builder(480).timeSignature(0, 4, 4).timeSignature(3840, 3, 4)
                .tempoBpm(0, 120).tempoBpm(3840, 90).note(60, 80, 0, 480).note(64, 80, 0, 240)
                .note(67, 100, 1200, 960).note(72, 50, 4320, 9600).note(48, 127, 6600, 100).build();
        int[] tokens = remi.encode(seq);
        assertEquals(List.of("BAR", "TIME_SIG_4/4", "POSITION_0", "TEMPO_19", "PITCH_60", "VELOCITY_20",
                "DURATION_4", "PITCH_64", "VELOCITY_20", "DURATION_2", "POSITION_10", "PITCH_67", "VELOCITY_25",
                "DURATION_8", "BAR", "BAR", "TIME_SIG_3/4", "POSITION_0", "TEMPO_14", "POSITION_4", "PITCH_72",
                "VELOCITY_13", "DURATION_64", "BAR", "POSITION_11", "PITCH_48", "VELOCITY_32", "DURATION_1"),
                names(tokens));
        assertArrayEquals(new int[] {0, 20, 65, 212, 285, 372, 388, 289, 372, 386, 75, 292, 377, 392, 0, 0, 19, 65,
            207, 69, 297, 365, 448, 0, 76, 273, 384, 385}, tokens);
        NoteSequence expected = frame().timeSignature(3840, 3, 4).tempo(new TempoChange(3840, 655_634))
                .note(60, 77, 0, 480).note(64, 77, 0, 240).note(67, 97, 1200, 960).note(72, 49, 4320, 7680)
                .note(48, 125, 6600, 120).build();
        assertEquals(expected, remi.decode(tokens));
    }

    @Test
    void normalizeQuantizesNotesToTheGrid() {
        // at 96 ticks per quarter a step is 24 ticks: tick 12 is half a step and rounds up
        NoteSequence seq = NoteSequence.builder(96).note(60, 100, 12, 1).note(62, 80, 13, 200)
                .note(64, 127, 0, 96 * 40).note(new Note(36, 100, 0, 24, 0, 9, true, 1))
                .note(new Note(67, 100, 0, 24, 40, 3, false, 2)).keySignature(0, 1, true)
                .controlChange(new ControlChange(0, 64, 127, 0, 0)).trackName(0, "piano").build();
        NoteSequence expected = frame().note(60, 97, 120, 120).note(62, 77, 120, 960).note(64, 125, 0, 7680)
                .note(67, 97, 0, 120).build();
        assertEquals(expected, remi.normalize(seq));
        assertRoundTrip(remi, seq, "grid");
    }

    @Test
    void normalizeBinsTempoChanges() {
        // the change at tick 1 rounds onto step 0 and replaces 120; at step 8 the later change wins; 124 per
        // minute keeps bin 19 and goes; the change after the only bar goes
        NoteSequence seq = NoteSequence.builder(480).tempoBpm(1, 100).tempoBpm(960, 60).tempoBpm(1000, 121)
                .tempoBpm(1440, 124).tempoBpm(4000, 60).note(60, 100, 0, 480).build();
        NoteSequence expected = frame().clearTempos().tempo(new TempoChange(0, 617_999))
                .tempo(new TempoChange(960, BIN_19_MICROS)).note(60, 97, 0, 480).build();
        assertEquals(expected, remi.normalize(seq));
        assertEquals(List.of(new TempoChange(0, 1_500_000)),
                remi.normalize(NoteSequence.builder(480).tempoBpm(0, 20).build()).tempos());
        assertEquals(List.of(new TempoChange(0, 240_000)),
                remi.normalize(NoteSequence.builder(480).tempoBpm(0, 400).build()).tempos());
        assertRoundTrip(remi, seq, "tempo");
    }

    @Test
    void meterChangesTakeEffectAtTheNextBarLine() {
        NoteSequence seq = NoteSequence.builder(480).timeSignature(0, 4, 4).timeSignature(2000, 3, 4)
                .note(60, 100, 0, 480).note(62, 100, 6000, 480).build();
        assertEquals(List.of(new TimeSignature(0, 4, 4), new TimeSignature(3840, 3, 4)),
                remi.normalize(seq).timeSignatures());
        assertRoundTrip(remi, seq, "mid-bar meter change");
    }

    @Test
    void metersWithoutATokenBecomeCommonTimeAndRepeatsGo() {
        NoteSequence seq = NoteSequence.builder(480).timeSignature(0, 3, 4).timeSignature(1440, 7, 32)
                .timeSignature(3360, 4, 4).timeSignature(4800, 17, 8).timeSignature(9000, 5, 4)
                .note(60, 100, 6000, 480).build();
        assertEquals(List.of(new TimeSignature(0, 3, 4), new TimeSignature(1440, 4, 4)),
                remi.normalize(seq).timeSignatures());
        assertRoundTrip(remi, seq, "unrepresentable meters");
    }

    @Test
    void roundTripsEdgeCases() {
        NoteSequence empty = NoteSequence.of(480, List.of());
        assertArrayEquals(ids("BAR", "TIME_SIG_4/4", "POSITION_0", "TEMPO_19"), remi.encode(empty));
        assertEquals(frame().build(), remi.decode(remi.encode(empty)));
        assertRoundTrip(remi, empty, "empty");
        assertRoundTrip(remi, frame().note(60, 100, 0, 480).note(60, 100, 0, 480).note(60, 90, 120, 960)
                .note(60, 100, 0, 240).build(), "repeated and overlapping notes of one pitch");
        assertRoundTrip(remi, frame().timeSignature(1920, 1, 16).timeSignature(2040, 16, 2).note(60, 1, 1900, 9000)
                .note(61, 127, 2040, 480).note(62, 64, 2040 + 15_360 - 120, 120).build(), "shortest and longest bar");
        assertRoundTrip(remi, NoteSequence.builder(1).note(60, 100, 3, 2).timeSignature(1, 6, 8).build(),
                "one tick per quarter");
        assertRoundTrip(remi, frame().note(60, 100, 1920 * 1000 + 7, 5).build(), "a thousand empty bars");
        NoteSequenceBuilder tempi = NoteSequence.builder(384);
        for (int i = 0; i < 60; i++) {
            tempi.tempo(new TempoChange(i * 37L, 200_000 + 23_000 * i)).note(40 + i, 1 + 2 * i, i * 53L, 1 + i * 11L);
        }
        assertRoundTrip(remi, tempi.build(), "many tempo changes");
    }

    @Test
    void roundTripsRandomScores() {
        for (long seed = 0; seed < 200; seed++) {
            assertRoundTrip(remi, SyntheticScores.polyphonic(seed, 80), "seed " + seed);
            assertRoundTrip(remi, SyntheticScores.melody(seed, 40, 30, 100, 4), "melody seed " + seed);
        }
    }

    @Test
    void otherSettingsKeepOnlyMetersOnTheirGrid() {
        // with three steps per quarter a bar of 3/8 is 4.5 steps, so 3/8 has no token and becomes 4/4 (the output
        // is at 960 ticks per quarter, so a bar of 6/8 is 2880 ticks)
        RemiTokenizer triplets = new RemiTokenizer(new RemiConfig(3, 24, 16, 8, 60, 180, 960));
        assertEquals(List.of("BAR", "TIME_SIG_1/2", "TIME_SIG_2/2"), triplets.vocabulary().names().subList(0, 3));
        assertThrows(IllegalArgumentException.class, () -> triplets.vocabulary().id("TIME_SIG_3/8"));
        assertEquals(List.of(new TimeSignature(0, 6, 8), new TimeSignature(2880, 4, 4)), triplets.normalize(
                NoteSequence.builder(480).timeSignature(0, 6, 8).timeSignature(1440, 3, 8).note(60, 9, 1500, 9)
                        .build()).timeSignatures());
        for (long seed = 0; seed < 50; seed++) {
            assertRoundTrip(triplets, SyntheticScores.polyphonic(seed, 60), "seed " + seed);
        }
    }

    /** A random sequence that keeps the grammar, with repeated meters and tempi and trailing empty bars. */
    private int[] randomGrammatical(Random random) {
        List<Integer> out = new ArrayList<>();
        int meter = 1 + random.nextInt(64);
        out.addAll(List.of(0, meter, 65, 193 + random.nextInt(32)));
        for (int bar = 0, bars = 1 + random.nextInt(6); bar < bars; bar++) {
            if (bar > 0) {
                out.add(0);
                if (random.nextInt(3) == 0) {
                    meter = 1 + random.nextInt(64);
                    out.add(meter);
                }
            }
            String[] nd = remi.vocabulary().name(meter).substring("TIME_SIG_".length()).split("/");
            int steps = 16 * Integer.parseInt(nd[0]) / Integer.parseInt(nd[1]);
            // bar 0 already stands at POSITION_0; a later bar has no position until its first POSITION
            for (int pos = bar == 0 ? 0 : -1; ; ) {
                for (int n = pos < 0 ? 0 : random.nextInt(3); n > 0; n--) {
                    out.addAll(List.of(225 + random.nextInt(128), 353 + random.nextInt(32), 385 + random.nextInt(64)));
                }
                pos += 1 + random.nextInt(6);
                if (pos >= steps) {
                    break;
                }
                out.add(65 + pos);
                if (random.nextInt(4) == 0) {
                    out.add(193 + random.nextInt(32));
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void decodeOfAnyGrammaticalSequenceGivesANormalizedScore() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int[] tokens = randomGrammatical(random);
            NoteSequence decoded = remi.decode(tokens);
            assertEquals(decoded, remi.normalize(decoded), "trial " + trial);
            assertEquals(decoded, remi.decode(remi.encode(decoded)), "trial " + trial);
        }
    }

    private String error(String... names) {
        return assertThrows(IllegalArgumentException.class, () -> remi.decode(ids(names))).getMessage();
    }

    @Test
    void grammarErrorsNameTokenIndexAndRule() {
        String opening = "a sequence opens with BAR, TIME_SIG, POSITION_0, TEMPO";
        assertEquals("token POSITION_0 at position 0: " + opening, error("POSITION_0", "BAR"));
        assertEquals("token TEMPO_3 at position 1: " + opening, error("BAR", "TEMPO_3", "POSITION_0", "TEMPO_3"));
        assertEquals("token POSITION_1 at position 2: " + opening,
                error("BAR", "TIME_SIG_4/4", "POSITION_1", "TEMPO_3"));
        assertEquals("the sequence of 0 tokens ends inside its opening: " + opening, error());
        String[] o = {"BAR", "TIME_SIG_3/4", "POSITION_0", "TEMPO_9"};
        assertEquals("token PITCH_60 at position 4: a PITCH must be followed by VELOCITY then DURATION, "
                + "not by VELOCITY_20 BAR", error(with(o, "PITCH_60", "VELOCITY_20", "BAR")));
        assertEquals("token PITCH_60 at position 4: a PITCH must be followed by VELOCITY then DURATION, "
                + "not by the end", error(with(o, "PITCH_60")));
        assertEquals("token POSITION_12 at position 4: bar 0 in 3/4 has positions 0..11",
                error(with(o, "POSITION_12")));
        assertEquals("token POSITION_3 at position 5: positions must rise within a bar, and bar 0 is already at "
                + "POSITION_5", error(with(o, "POSITION_5", "POSITION_3")));
        assertEquals("token TEMPO_4 at position 7: a TEMPO must come right after a POSITION",
                error(with(o, "PITCH_60", "VELOCITY_1", "DURATION_1", "TEMPO_4")));
        assertEquals("token TIME_SIG_4/4 at position 5: a TIME_SIG must come right after BAR",
                error(with(o, "POSITION_1", "TIME_SIG_4/4")));
        assertEquals("token PITCH_60 at position 5: a PITCH needs a POSITION before it in its bar",
                error(with(o, "BAR", "PITCH_60", "VELOCITY_1", "DURATION_1")));
        assertEquals("token VELOCITY_2 at position 4: a VELOCITY must come right after a PITCH",
                error(with(o, "VELOCITY_2")));
        assertEquals("token DURATION_2 at position 4: a DURATION must come right after a PITCH and its VELOCITY",
                error(with(o, "DURATION_2")));
        assertEquals("token id 449 at position 4 outside 0..448", assertThrows(IllegalArgumentException.class,
                () -> remi.decode(new int[] {0, 20, 65, 212, 449})).getMessage());
    }

    private static String[] with(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("resolution 100 is not a multiple of steps per quarter 3", assertThrows(
                IllegalArgumentException.class, () -> new RemiConfig(3, 64, 32, 32, 40, 250, 100)).getMessage());
        assertEquals("lowest tempo bin 250.0 must be below the highest, 40.0", assertThrows(
                IllegalArgumentException.class, () -> new RemiConfig(4, 64, 32, 32, 250, 40, 480)).getMessage());
        assertEquals("tempo bins 0 and 1 both round to 500000 microseconds per quarter: use fewer bins or a wider "
                + "range", assertThrows(IllegalArgumentException.class,
                        () -> new RemiConfig(4, 64, 32, 1000, 120, 120.1, 480)).getMessage());
        assertEquals("max duration steps 0 outside 1..4096", assertThrows(IllegalArgumentException.class,
                () -> new RemiConfig(4, 0, 32, 32, 40, 250, 480)).getMessage());
    }
}
