package io.muse4j.midi.abc;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link AbcReader#parse(String, String)} with the input's bytes decoded as UTF-8, as the reader decodes
 * a file: the text must parse or fail with {@link AbcException} (parse runs {@link AbcReader#parseSkippingBad},
 * so every tune of the text is read). Any other throwable is a finding. Seeds and findings are in
 * {@code AbcReaderFuzzTestInputs/parsesOrRefuses}; {@code mvn -Pfuzz verify} fuzzes it.
 */
class AbcReaderFuzzTest {
    @FuzzTest(maxDuration = "4m")
    void parsesOrRefuses(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            AbcReader.parse(text, "fuzz.abc");
        } catch (AbcException expected) {
            // the one documented way to refuse a tune
        }
    }
}
