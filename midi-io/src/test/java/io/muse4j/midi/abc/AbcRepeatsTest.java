package io.muse4j.midi.abc;

import io.muse4j.midi.abc.AbcBarLine.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.muse4j.midi.abc.AbcTestTunes.read;
import static io.muse4j.midi.abc.AbcTestTunes.tune;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Repeats and endings expanded into the played order, and the written structure kept beside it. */
class AbcRepeatsTest {
    /** The letters played, for tunes of one eighth note per letter in 2/8 (a bar is two letters). */
    private static String played(String body) throws Exception {
        return played("", body);
    }

    private static String played(String header, String body) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int pitch : AbcTestTunes.pitches(read(tune("M:2/8;L:1/8" + header, "C", body)).sequence())) {
            out.append("CDEFGAB".charAt(List.of(60, 62, 64, 65, 67, 69, 71).indexOf(pitch)));
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '\'', value = {
        "repeat from the start      ; CD:|EF|]                 ; CDCDEF",
        "repeat from |:             ; CD|:EF:|GA|]             ; CDEFEFGA",
        "two repeated parts         ; |:CD:||:EF:|             ; CDCDEFEF",
        "double colon               ; |:CD::EF:|               ; CDCDEFEF",
        "second part after :|       ; CD:|EF:|                 ; CDCDEFEF",
        "double bar starts a part   ; CD||EF:|                 ; CDEFEF",
        "double bar inside |: :|    ; |:CD||EF:|               ; CDEFCDEF",
        "first and second endings   ; |:CD|[1EF:|[2GA|]        ; CDEFCDGA",
        "endings after the bar line ; |:CD|1EF:|2GA|]          ; CDEFCDGA",
        "endings spaced (Nottingham); |:CD| [1EF:| [2GA||      ; CDEFCDGA",
        "ending of two bars         ; |:CD|[1EF|GA:|[2BC|]     ; CDEFGACDBC",
        "three endings              ; |:CD|[1EF:|[2GA:|[3BC|]  ; CDEFCDGACDBC",
        "ending list [1,2           ; |:CD|[1,2EF:|[3GA|]      ; CDEFCDEFCDGA",
        "part after the endings     ; |:CD|[1EF:|[2GA||BC:|    ; CDEFCDGABCBC",
        "endings without a repeat   ; CD|[1EF||[2GA||          ; CDEFGA",
    })
    void playsRepeatsAndEndingsInOrder(String construct, String body, String expected) throws Exception {
        assertEquals(expected, played(body), construct);
    }

    @Test
    void keepsTheWrittenOrderTheBarLinesAndThePlayOrder() throws Exception {
        AbcTune tune = read(tune("M:2/8;L:1/8", "C", "|:CD|[1EF:|[2GA|]"));
        assertEquals(6, tune.written().notes().size());
        assertEquals(8, tune.sequence().notes().size());
        assertEquals(List.of(new AbcBarLine(0, Kind.REPEAT_START, List.of()), new AbcBarLine(480, Kind.BAR, List.of(1)),
                new AbcBarLine(960, Kind.REPEAT_END, List.of(2)), new AbcBarLine(1440, Kind.FINAL, List.of())),
                tune.barLines());
        assertEquals(List.of(new AbcTune.Span(0, 960), new AbcTune.Span(0, 480), new AbcTune.Span(960, 1440)),
                tune.playOrder());
    }

    @Test
    void chordsAndKeysFollowThePlayedOrder() throws Exception {
        AbcTune tune = read(tune("M:2/8;L:1/8", "C", "|:\"C\"CD:|[K:D]\"D\"FA|]"));
        assertEquals(List.of("C@0", "C@480", "D@960"),
                tune.sequence().chords().stream().map(Object::toString).toList());
        assertEquals(List.of("60@0+240", "62@240+240", "60@480+240", "62@720+240", "66@960+240", "69@1200+240"),
                AbcTestTunes.notes(tune.sequence()));
        assertEquals(2, tune.sequence().keySignatures().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "P:ABA; CDCDEFCDCD", "Y:ABA; CDCDEFCDCD", "P:A2B; CDCDCDCDEF", "P:(AB)2; CDCDEFCDCDEF", "P:B; EF"})
    void aPartOrderPlaysTheLabelledPartsEachWithItsRepeats(String order, String expected) throws Exception {
        assertEquals(expected, played(";" + order, "P:A\nCD:|\nP:B\nEF|]"));
    }

    @Test
    void aLineStartingWithANoteAndARepeatIsMusicNotAField() throws Exception {
        assertEquals("CDECDE", played("CD|\nE:|"));
    }

    @Test
    void musicBeforeTheFirstPartIsPlayedOnceFirst() throws Exception {
        assertEquals("GACDEFCD", played(";P:ABA", "GA|\nP:A\nCD|\nP:B\nEF|]"));
    }

    @Test
    void aPartOrderNamingAMissingPartIsAnError() {
        AbcException e = org.junit.jupiter.api.Assertions.assertThrows(AbcException.class,
                () -> played(";P:AC", "P:A\nCD|]"));
        assertEquals("test.abc: tune X:1, line 8: part order 'AC' plays part C, which no P: starts", e.getMessage());
    }
}
