package io.muse4j.midi.abc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A malformed tune is named by file, X: number and line, and a caller may skip it and keep the others. */
class AbcErrorsTest {
    private static final String THREE_TUNES = """
            X:1
            K:C
            ABc|

            X:2
            T:Broken
            K:G
            GAB|
            A ? B|

            X:3
            K:D
            def|
            """;

    @Test
    void theMessageNamesFileTuneLineAndTheActualCharacter() {
        AbcException e = assertThrows(AbcException.class, () -> AbcReader.parse(THREE_TUNES, "three.abc"));
        assertEquals("three.abc: tune X:2, line 9: unexpected '?' at column 3", e.getMessage());
        assertEquals(2, e.tune());
        assertEquals(9, e.line());
        assertEquals("three.abc", e.file());
    }

    @Test
    void skippingBadTunesKeepsTheGoodOnesAndSaysWhichFailed(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("three.abc");
        Files.writeString(file, THREE_TUNES);
        AbcBook book = AbcReader.readSkippingBad(file);
        assertEquals(List.of(1, 3), book.tunes().stream().map(AbcTune::number).toList());
        assertEquals(1, book.failures().size());
        assertEquals(file + ": tune X:2, line 9: unexpected '?' at column 3", book.failures().get(0).getMessage());
        assertThrows(AbcException.class, () -> AbcReader.read(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '\'', value = {
        "no K:                  ; X:5¶T:x¶ABC                  ; 'test.abc: tune X:5, line 3: the tune has no K: field, so no body'",
        "two voices             ; X:5¶K:C¶V:1¶AB¶V:2¶cd         ; 'test.abc: tune X:5, line 5: multiple voices (V: 1, 2) are not supported; only single-voice tunes can be read'",
        "pitch out of range     ; X:5¶K:C¶C,,,,,,,,,          ; 'test.abc: tune X:5, line 3: note ''C,,,,,,,,,'' is pitch -48, outside 0..127'",
        "unclosed chord         ; X:5¶K:C¶[CE|G                 ; 'test.abc: tune X:5, line 3: a chord ''['' is not closed before the bar line'",
        "unclosed quote         ; X:5¶K:C¶\"G AB               ; 'test.abc: tune X:5, line 3: unexpected ''\"'' at column 1 (a chord symbol without its closing quote)'",
        "bad meter              ; X:5¶M:7/9¶K:C¶A               ; 'test.abc: tune X:5, line 2: meter ''7/9'' must be n/d with n in 1..255 and d a power of two up to 64'",
        "bad key                ; X:5¶K:Hx¶A                    ; 'test.abc: tune X:5, line 2: key ''Hx'' does not start with a tonic A-G'",
        "unknown mode           ; X:5¶K:Gfoo¶A                  ; 'test.abc: tune X:5, line 2: unknown mode ''foo'' in key ''Gfoo'''",
        "inexact septuplet      ; X:5¶L:1/8¶K:C¶(7ABCDEFG       ; 'test.abc: tune X:5, line 4: length '''' at tick 0 is 480/7 ticks, not a whole number at 480 ticks per quarter'",
        "broken rhythm first    ; X:5¶K:C¶>AB                   ; 'test.abc: tune X:5, line 3: broken rhythm ''>'' follows no note'",
        "X: not a number        ; X:five¶K:C¶A                  ; 'test.abc: tune X:?, line 1: X: ''five'' is not a tune number'",
    })
    void malformedTunesGetMessagesWithTheActualValues(String problem, String tune, String message) {
        AbcException e = assertThrows(AbcException.class,
                () -> AbcReader.parse(tune.strip().replace("¶", "\n") + "\n", "test.abc"), problem);
        assertEquals(message, e.getMessage(), problem);
    }
}
