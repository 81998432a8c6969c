package io.muse4j.midi;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link MidiReader#read(byte[], String)}: any bytes must read or fail with {@link MidiFormatException};
 * any other throwable (a RuntimeException, an OutOfMemoryError in the 512 MB JVM of {@code -Pfuzz}, a
 * StackOverflowError) is a finding. The default build runs it over the seeds and findings in
 * {@code MidiReaderFuzzTestInputs/readsOrRefuses} only; {@code mvn -Pfuzz verify} fuzzes it.
 */
class MidiReaderFuzzTest {
    @FuzzTest(maxDuration = "4m")
    void readsOrRefuses(byte[] bytes) {
        try {
            MidiReader.read(bytes, "fuzz.mid");
        } catch (MidiFormatException expected) {
            // the one documented way to refuse bytes
        }
    }
}
