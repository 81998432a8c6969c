package io.muse4j.core.token;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.score.TimeSignature;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbcTokenizerTest {
    /** Without bar numbers, as the first abc model files: the form's tokens alone. */
    private final AbcTokenizer abc = new AbcTokenizer(12, 48, 96, false);

    /** Bars of four quarter notes in 4/4, D major, 180 bpm, at 480 ticks a quarter, one bar per pitch list. */
    private static NoteSequence quarters(int pickup, int[]... bars) {
        NoteSequenceBuilder b = NoteSequence.builder(480).tempoBpm(0, 180).timeSignature(0, 4, 4)
                .keySignature(0, 2, false);
        long tick = 0;
        if (pickup > 0) {
            b.note(pickup, 90, 0, 480);
            tick = 480;
        }
        for (int[] bar : bars) {
            for (int pitch : bar) {
                b.note(pitch, 90, tick, 480);
                tick += 480;
            }
        }
        return b.build();
    }

    private String text(int[] tokens) {
        return Arrays.stream(tokens).mapToObj(abc.vocabulary()::name).collect(Collectors.joining(" "));
    }

    @Test
    void anAabbTuneIsWrittenWithRepeatsAndEndingsAndPlaysBackExactly() {
        int[] a1 = {62, 64, 66, 67};
        int[] a2 = {69, 71, 69, 67};
        int[] b1 = {74, 73, 71, 69};
        int[] b2 = {67, 66, 64, 62};
        int[] e1 = {64, 66, 64, 62};
        int[] e2 = {62, 62, 62, 62};
        NoteSequence tune = quarters(0, a1, a2, a1, a2, b1, b2, e1, b1, b2, e2);
        int[] tokens = abc.encode(tune);
        String q = "D:12";
        String bar = String.join(" ", "P:%d", q, "P:%d", q, "P:%d", q, "P:%d", q);
        String expected = "<s> M:4/4 K:Dmaj Q:180 |: " + String.format(bar, 62, 64, 66, 67) + " | "
                + String.format(bar, 69, 71, 69, 67) + " :| |: " + String.format(bar, 74, 73, 71, 69) + " | "
                + String.format(bar, 67, 66, 64, 62) + " | |1 " + String.format(bar, 64, 66, 64, 62) + " :| |2 "
                + String.format(bar, 62, 62, 62, 62) + " | </s>";
        assertEquals(expected, text(tokens));
        assertEquals(abc.normalize(tune), abc.decode(tokens));
        assertEquals(10 * 1920, abc.decode(tokens).endTick());
    }

    @Test
    void barNumbersCountEachBarsPlaceInItsPhraseAsPlayed() {
        int[] a1 = {62, 64, 66, 67};
        int[] a2 = {69, 71, 69, 67};
        int[] b1 = {74, 73, 71, 69};
        int[] b2 = {67, 66, 64, 62};
        int[] b3 = {71, 73, 74, 76};
        int[] e1 = {64, 66, 64, 62};
        int[] e2 = {62, 62, 62, 62};
        AbcTokenizer numbered = new AbcTokenizer();
        // played: a pickup, A A (bars 1-4), B E1 B E2 (5-12), A A again (13-16)
        NoteSequence even = quarters(71, a1, a2, a1, a2, b1, b2, b3, e1, b1, b2, b3, e2, a1, a2, a1, a2);
        NoteSequence tune = even.withNotes(even.notes().stream() // downbeats stressed, so the pickup is found
                .map(n -> n.withVelocity((n.startTick() - 480) % 1920 == 0 ? 110 : 80)).toList());
        int[] tokens = numbered.encode(tune);
        List<String> numbers = Arrays.stream(tokens).mapToObj(numbered.vocabulary()::name)
                .filter(name -> name.startsWith("#")).toList();
        assertEquals(List.of("#0", "#1", "#2", "#5", "#6", "#7", "#8", "#4", "#5", "#6"), numbers,
                "pickup, |: A :|, |: B |1 E1 :| |2 E2 (played at bar 12), |: A :|");
        assertEquals(numbered.normalize(tune), numbered.decode(tokens), "decoding ignores the numbers");
        assertEquals(abc.vocabulary().size() + AbcTokenizer.PHRASE_BARS + 1, numbered.vocabulary().size());
        assertEquals(abc.decode(abc.encode(tune)), numbered.decode(tokens));
    }

    @Test
    void theLastBarsEventsLieBetweenItsOpenerOrNumberAndItsCloser() {
        AbcTokenizer numbered = new AbcTokenizer();
        int[] tune = numbered.encode(quarters(0, new int[] {62, 64, 66, 67}, new int[] {69, 71, 69, 67},
                new int[] {74, 73, 71, 69}, new int[] {67, 66, 64, 62}));
        int[] bar = numbered.lastBarEvents(tune);
        List<String> names = numbered.vocabulary().names();
        assertEquals("#4", names.get(tune[bar[0] - 1]));
        assertEquals(List.of("|", "</s>"), Arrays.stream(tune, bar[1], tune.length).mapToObj(names::get).toList());
        assertEquals(8, bar[1] - bar[0], "four notes and their durations");
        assertEquals(null, numbered.lastBarEvents(Arrays.copyOf(tune, tune.length - 1)), "a piece that did not end");
        int[] plain = abc.encode(quarters(0, new int[] {62, 64, 66, 67}, new int[] {69, 71, 69, 67}));
        int[] plainBar = abc.lastBarEvents(plain);
        assertEquals("|", abc.vocabulary().name(plain[plainBar[0] - 1]), "without numbers, after the bar line");
    }

    @Test
    void aPickupIsAShortFirstBarAndTheLastBarCompletesIt() {
        // a quarter pickup, two bars, and a last bar of three quarters
        NoteSequence tune = NoteSequence.builder(480).timeSignature(0, 4, 4).keySignature(0, 0, false)
                .note(67, 90, 0, 480).note(72, 90, 480, 960).note(76, 90, 1440, 960).note(74, 90, 2400, 960)
                .note(71, 90, 3360, 960).note(72, 90, 4320, 1440).build();
        NoteSequence normal = abc.normalize(tune);
        assertEquals(List.of(new TimeSignature(0, 1, 4), new TimeSignature(480, 4, 4)), normal.timeSignatures(),
                "a bar of 1/4 for the pickup");
        assertEquals(List.of(95, 105, 95, 105, 95, 105), normal.notes().stream().map(n -> n.velocity()).toList(),
                "downbeats stressed");
        assertEquals(5760, normal.endTick(), "the last bar is three quarters");
        int[] tokens = abc.encode(tune);
        assertTrue(text(tokens).startsWith("<s> M:4/4 K:Cmaj Q:120 z D:36 P:67 D:12 | P:72"), text(tokens));
        assertEquals(normal, abc.decode(tokens));
        assertEquals(text(tokens), text(abc.encode(normal)), "a score with a pickup bar encodes the same");
    }

    @Test
    void aNoteAcrossABarLineContinuesAndALastShortBarHasNoCloser() {
        NoteSequence tune = NoteSequence.builder(480).timeSignature(0, 3, 4).keySignature(0, -1, true)
                .note(62, 90, 0, 960).note(65, 90, 960, 960).note(69, 90, 1920, 480).build();
        int[] tokens = abc.encode(tune);
        assertEquals("<s> M:3/4 K:Dmin Q:120 P:62 D:24 P:65 D:12 | - D:12 P:69 D:12 </s>", text(tokens));
        assertEquals(abc.normalize(tune), abc.decode(tokens));
    }

    @Test
    void withoutAKeySignatureTheKeyIsEstimated() {
        NoteSequence gMajor = quarters(0, new int[] {67, 71, 74, 71}, new int[] {66, 69, 72, 74},
                new int[] {67, 74, 71, 67});
        NoteSequence unsigned = gMajor.toBuilder().clearKeySignatures().build();
        assertTrue(text(abc.encode(unsigned)).contains("K:Gmaj"), text(abc.encode(unsigned)));
    }

    @Test
    void decodingPlaysARepeatOnceAndIgnoresTokensAfterTheEnd() {
        List<String> names = List.of("<s>", "M:2/4", "|:", "P:60", "D:24", "|", "P:62", "D:24", ":|", "P:64", "D:24",
                "</s>", "P:70", "D:24");
        int[] tokens = names.stream().mapToInt(abc.vocabulary()::id).toArray();
        NoteSequence music = abc.decode(tokens);
        assertEquals(List.of(60, 62, 60, 62, 64), music.notes().stream().map(n -> n.pitch()).toList());
        assertEquals(4 * 960 + 960, music.endTick());
    }

    @Test
    void anyTokensDecodeToBarsNoLongerThanTwiceWhatIsWritten() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int[] tokens = random.ints(random.nextInt(400), 0, abc.vocabulary().size()).toArray();
            NoteSequence music = abc.decode(tokens);
            // a bar ends at a closer, at an opener after events, or at the end
            long written = 1 + Arrays.stream(tokens)
                    .filter(t -> t >= AbcTokenizer.BAR && t <= AbcTokenizer.SECOND_ENDING).count();
            long longestBar = 16 * 960L; // 16/2
            assertTrue(music.endTick() <= 2 * written * longestBar, "trial " + trial);
        }
    }

    @Test
    void normalizeIsWhatEncodingKeeps() {
        List<NoteSequence> tunes = new ArrayList<>();
        Random random = new Random(3);
        for (int n = 0; n < 30; n++) {
            NoteSequenceBuilder b = NoteSequence.builder(480).timeSignature(0, 6, 8).tempoBpm(0, 150);
            long tick = random.nextInt(3) * 240;
            for (int i = 0; i < 40; i++) {
                int length = 240 * (1 + random.nextInt(3)) / (random.nextInt(4) == 0 ? 2 : 1);
                b.note(55 + random.nextInt(30), 80, tick, length);
                tick += length + (random.nextInt(6) == 0 ? 240 : 0);
            }
            tunes.add(b.build());
        }
        for (NoteSequence tune : tunes) {
            assertEquals(abc.normalize(tune), abc.decode(abc.encode(tune)));
        }
    }
}
