package io.muse4j.midi.abc;

import io.muse4j.core.score.NoteSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.muse4j.midi.abc.AbcTestTunes.notes;
import static io.muse4j.midi.abc.AbcTestTunes.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The writer's text, and ABC to NoteSequence to ABC to NoteSequence giving the same sequence. */
class AbcWriterTest {
    @Test
    void writesHeaderBarsTiesChordSymbolsAndAccidentals() {
        NoteSequence seq = NoteSequence.builder(480).tag("title", "Small").timeSignature(0, 3, 4)
                .keySignature(0, 2, false).tempoBpm(0, 100).chord(0, "D").chord(1440, "A7")
                .note(62, 90, 0, 480).note(66, 90, 480, 240).note(65, 90, 720, 240).note(65, 90, 960, 960)
                .note(73, 90, 1920, 480).note(48, 90, 2400, 480).build();
        assertEquals("""
                X:1
                T:Small
                M:3/4
                L:1/8
                Q:1/4=100
                K:D
                "D"D2 F=F F2-| "A7"=F2 c2 =C,2|]
                """, AbcWriter.write(seq));
    }

    @Test
    void startsWithAPickupWhereTheFirstBarBeginsWithARest() {
        NoteSequence seq = NoteSequence.builder(480).timeSignature(0, 6, 8).note(74, 90, 1200, 240)
                .note(71, 90, 1440, 720).note(67, 90, 2160, 720).build();
        assertEquals("X:1\nM:6/8\nL:1/8\nK:C\nd| B3 G3|]\n", AbcWriter.write(seq));
    }

    @Test
    void aPickupBarIsWrittenAsAPickupInTheTunesMeter() {
        NoteSequence seq = NoteSequence.builder(480).timeSignature(0, 1, 8).timeSignature(240, 6, 8)
                .note(74, 90, 0, 240).note(71, 90, 240, 720).note(67, 90, 960, 720).build();
        assertEquals("X:1\nM:6/8\nL:1/8\nK:C\nd| B3 G3|]\n", AbcWriter.write(seq));
    }

    @Test
    void quantisesToTheGridOfTheOptions() throws Exception {
        NoteSequence played = NoteSequence.builder(1024).note(60, 70, 10, 500).note(62, 100, 530, 1000).build();
        String text = AbcWriter.write(played, new AbcWriter.Options(8, 2, 4));
        assertEquals("CD2|]", text.lines().toList().get(4));
        assertEquals(List.of("60@0+240", "62@240+480"), notes(read(text).sequence()));
    }

    @Test
    void notesStartingTogetherBecomeAChordAsLongAsTheShortestAndOverlapsAreCut() {
        NoteSequence seq = NoteSequence.builder(480).note(60, 90, 0, 960).note(64, 90, 0, 480)
                .note(67, 90, 240, 480).build();
        assertEquals("[CE]G2|]", AbcWriter.write(seq).lines().toList().get(4));
    }

    @Test
    void writesThreeNotesOfTwoThirdsOfAUnitAsATriplet() throws Exception {
        NoteSequence seq = NoteSequence.builder(480).chord(160, "G").note(69, 90, 0, 160).note(71, 90, 160, 160)
                .note(72, 90, 320, 160).note(74, 90, 480, 80).note(76, 90, 560, 80).note(78, 90, 640, 80)
                .note(79, 90, 720, 1200).build();
        String body = AbcWriter.write(seq).lines().toList().get(4);
        assertEquals("(3A\"G\"Bc (3d/e/^f/g5|]", body);
        assertEquals(notes(seq), notes(read(AbcWriter.write(seq)).sequence()));
    }

    @Test
    void badOptionsAreRefusedNamingTheValue() {
        assertEquals("subdivisions 7 must divide 240, the ticks of an L:1/8 unit at 480 per quarter, so that lengths"
                        + " read back exactly",
                assertThrows(IllegalArgumentException.class, () -> new AbcWriter.Options(8, 7, 4)).getMessage());
        assertEquals("unit note length 1/6 must be 1/d with d a power of two up to 64",
                assertThrows(IllegalArgumentException.class, () -> new AbcWriter.Options(6, 1, 4)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        """
        X:3
        T:Jig with endings
        M:6/8
        L:1/8
        Q:1/4=160
        R:jig
        K:D
        D|:"G"GAG "D"FGA|"G"B2d d2B|[1"C"c2e "D"dcA:|[2"D"c2A "G"G3||
        """,
        """
        X:4
        M:4/4
        L:1/8
        K:Ador
        |:~A3B cBAG|(3EFG AB c2 d>c|{g}BA GE DEGA|[1 BAGB A4:|[2 BAGB A2 z2||
        """,
        """
        X:5
        M:C|
        L:1/4
        K:Bb
        B,/2C/2 D>E F<G|^F2 =F2|[K:E] E G B2|[M:3/4] e3|
        """,
        """
        X:6
        M:2/4
        L:1/16
        K:Em
        (5B^cdef g2|+E2G2B2+ z4|x4 Z|e8-|e8|
        """,
        """
        X:7
        M:9/8
        L:1/8
        K:D
        "D"d2A "G"B2G "A7"A2F|"D/F#"F6 z3|
        """,
    })
    void roundTripsHandWrittenTunes(String original) throws Exception {
        NoteSequence first = read(original).sequence();
        String written = AbcWriter.write(first);
        assertEquals(first, read(written).sequence(), written);
    }
}
