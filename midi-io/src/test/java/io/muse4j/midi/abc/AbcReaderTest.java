package io.muse4j.midi.abc;

import io.muse4j.core.score.ChordChange;
import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.muse4j.midi.abc.AbcTestTunes.notes;
import static io.muse4j.midi.abc.AbcTestTunes.read;
import static io.muse4j.midi.abc.AbcTestTunes.tune;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the reader makes of each construct, on tunes written by hand; an eighth (L:1/8) is 240 ticks. */
class AbcReaderTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "letters and octave marks | M:4/4;L:1/8 | C | C D E F G A B c d' C, | 60@0+240 62@240+240 64@480+240 65@720+240 67@960+240 69@1200+240 71@1440+240 72@1680+240 86@1920+240 48@2160+240",
        "lengths | M:4/4;L:1/8 | C | A2 A/2 A3/2 A/ A// A3 | 69@0+480 69@480+120 69@600+360 69@960+120 69@1080+60 69@1140+720",
        "broken rhythm | M:4/4;L:1/8 | C | A>B A<B A>>B | 69@0+360 71@360+120 69@480+120 71@600+360 69@960+420 71@1380+60",
        "triplet | M:4/4;L:1/8 | C | (3ABc d | 69@0+160 71@160+160 72@320+160 74@480+240",
        "tuplet p:q:r | M:4/4;L:1/8 | C | (3:2:2AB c | 69@0+160 71@160+160 72@320+240",
        "duplet | M:4/4;L:1/8 | C | (2AB c | 69@0+360 71@360+360 72@720+240",
        "rests z and x | M:4/4;L:1/8 | C | A z B x2 c | 69@0+240 71@480+240 72@1200+240",
        "tie | M:4/4;L:1/8 | C | A2-A B | 69@0+720 71@720+240",
        "key signature | M:4/4;L:1/8 | D | F C f c | 66@0+240 61@240+240 78@480+240 73@720+240",
        "natural and double accidentals | M:4/4;L:1/8 | D | =F ^^C __B _E | 65@0+240 62@240+240 69@480+240 63@720+240",
        "accidental holds for the same octave only | M:4/4;L:1/8 | C | ^F F f | 66@0+240 66@240+240 77@480+240",
        "chord in brackets | M:4/4;L:1/8 | C | [CEG]2 A | 60@0+480 64@0+480 67@0+480 69@480+240",
        "chord of ABC 1.6 | M:4/4;L:1/8 | C | +C2E2+ A | 60@0+480 64@0+480 69@480+240",
        "unison in a chord sounds once | M:4/4;L:1/8 | C | [e2e2] | 76@0+480",
        "grace notes take no time | M:4/4;L:1/8 | C | {g}A {ag}B | 69@0+240 71@240+240",
        "decorations and slurs | M:4/4;L:1/8 | C | ~A .B !trill!c +fermata+d (Te) | 69@0+240 71@240+240 72@480+240 74@720+240 76@960+240",
        "inline key | M:4/4;L:1/8 | C | F [K:D] F | 65@0+240 66@240+240",
        "inline unit length | M:4/4;L:1/8 | C | A [L:1/4] A | 69@0+240 69@240+480",
        "line continuation and comment | M:4/4;L:1/8 | C | A B \\ % comment | 69@0+240 71@240+240",
        "accidentals last until the bar line | M:2/8;L:1/8 | C | '^F F|F G|' | 66@0+240 66@240+240 65@480+240 67@720+240",
        "a tie crosses a bar line | M:2/8;L:1/8 | C | 'cc-|c2|' | 72@0+240 72@240+720",
        "default unit 1/16 below 3/4 | M:2/4 | C | A | 69@0+120",
        "default unit 1/8 from 3/4 | M:3/4 | C | A | 69@0+240",
        "explicit accidentals of the key | L:1/8 | Amix ^g | G g | 68@0+240 80@240+240",
    })
    void readsEachConstructToExactTicks(String construct, String header, String key, String body, String expected)
            throws Exception {
        assertEquals(Arrays.asList(expected.split(" ")), notes(read(tune(header, key, body)).sequence()), construct);
    }

    @Test
    void aPickupEndsAtTheFirstBarLineOfTheMeter() throws Exception {
        AbcTune tune = read(tune("M:6/8;L:1/8", "G", "d|BGG BGG|"));
        assertEquals(List.of("74@1200+240", "71@1440+240"), notes(tune.sequence()).subList(0, 2));
        assertEquals(List.of(new TimeSignature(0, 6, 8)), tune.sequence().timeSignatures());
    }

    @ParameterizedTest(name = "M:{0}")
    @CsvSource({"C, 4, 4", "C|, 2, 2", "6/8, 6, 8", "2+3/8, 5, 8"})
    void readsMeters(String meter, int numerator, int denominator) throws Exception {
        assertEquals(List.of(new TimeSignature(0, numerator, denominator)),
                read(tune("M:" + meter, "C", "A")).sequence().timeSignatures());
    }

    @ParameterizedTest(name = "Q:{0}")
    @CsvSource({"1/4=120, 120", "180, 180", "3/8=120, 180", "1/2=60, 120"})
    void readsTempoAsQuartersPerMinute(String tempo, double bpm) throws Exception {
        assertEquals(List.of(TempoChange.ofBpm(0, bpm)), read(tune("Q:" + tempo, "C", "A")).sequence().tempos());
    }

    @ParameterizedTest(name = "K:{0}")
    @CsvSource({"D, 2, false", "Em, 1, true", "Bb, -2, false", "Ador, 1, false", "Amix, 2, false", "F#m, 3, true",
        "none, 0, false", "G clef=treble, 1, false"})
    void readsKeys(String key, int sharps, boolean minor) throws Exception {
        assertEquals(List.of(new KeySignature(0, sharps, minor)), read(tune("", key, "A")).sequence().keySignatures());
    }

    @Test
    void chordSymbolsBecomeChordsAndOtherQuotedTextIsDropped() throws Exception {
        AbcTune tune = read(tune("M:4/4;L:1/8", "G", "\"G\"G2 \"Am7\"A2 \"^fine\"\"5\"\"D/F#\"F2 \"_below\"G2"));
        assertEquals(List.of(new ChordChange(0, "G"), new ChordChange(480, "Am7"), new ChordChange(960, "D/F#")),
                tune.sequence().chords());
    }

    @Test
    void headerFieldsBecomeTags() throws Exception {
        AbcTune tune = read("X:7\nT:The Tune\nT:Second title\nR:reel\nC:Trad.\nK:C\nA\n");
        assertEquals(7, tune.number());
        assertEquals("The Tune", tune.title());
        assertEquals(java.util.Map.of("abc.tune", "7", "title", "The Tune", "rhythm", "reel"),
                tune.sequence().metadata().tags());
    }

    @Test
    void aFileGivesEveryTuneEachEndingAtABlankLine() throws Exception {
        String text = "% a comment\n\n" + tune("", "C", "A") + "\nfree text between tunes\n\n"
                + tune("", "D", "F").replace("X:1", "X:2");
        List<AbcTune> tunes = AbcReader.parse(text, "two.abc");
        assertEquals(List.of(1, 2), tunes.stream().map(AbcTune::number).toList());
        assertEquals(List.of(66), AbcTestTunes.pitches(tunes.get(1).sequence()));
        assertEquals(List.of(3, 10), tunes.stream().map(AbcTune::line).toList());
    }
}
