package io.muse4j.midi;

import io.muse4j.core.testing.SharedCorpora;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of seeded mutations of real files: each must read or raise MidiFormatException, never anything
 * else (no unchecked exception, no OutOfMemoryError), and all of them within a minute (no hang).
 */
class MidiMutationTest {
    private static final int MUTANTS = 6000;

    @Test
    void mutatedRealFilesReadOrFailCleanly() throws Exception {
        List<Path> all = SharedCorpora.midiFiles();
        Random random = new Random(20261122);
        List<byte[]> originals = new ArrayList<>();
        while (originals.size() < 300) {
            byte[] bytes = Files.readAllBytes(all.get(random.nextInt(all.size())));
            if (bytes.length < 40_000) {
                originals.add(bytes);
            }
        }
        int[] outcomes = new int[2];
        List<String> escaped = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = mutate(originals.get(random.nextInt(originals.size())), random);
                try {
                    MidiReader.read(mutant, "mutant-" + i);
                    outcomes[0]++;
                } catch (MidiFormatException e) {
                    outcomes[1]++;
                } catch (Throwable t) {
                    if (escaped.size() < 10) {
                        escaped.add("mutant " + i + ": " + t);
                    }
                }
            }
        });
        assertEquals(List.of(), escaped);
        assertEquals(MUTANTS, outcomes[0] + outcomes[1]);
        assertTrue(outcomes[1] > MUTANTS / 10, "too few mutants were rejected to trust the test: " + outcomes[1]);
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int n = bytes.length;
        switch (random.nextInt(7)) {
            case 0 -> { // flip bits
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    bytes[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> { // overwrite a run with random bytes
                int at = random.nextInt(n);
                for (int k = at; k < Math.min(n, at + 1 + random.nextInt(16)); k++) {
                    bytes[k] = (byte) random.nextInt(256);
                }
            }
            case 2 -> bytes = Arrays.copyOf(bytes, random.nextInt(n)); // truncate
            case 3 -> { // insert random bytes
                int at = random.nextInt(n);
                byte[] grown = new byte[n + 1 + random.nextInt(8)];
                System.arraycopy(bytes, 0, grown, 0, at);
                for (int k = at; k < grown.length - (n - at); k++) {
                    grown[k] = (byte) random.nextInt(256);
                }
                System.arraycopy(bytes, at, grown, grown.length - (n - at), n - at);
                bytes = grown;
            }
            case 4 -> { // delete a run
                int at = random.nextInt(n);
                int cut = Math.min(n - at, 1 + random.nextInt(16));
                byte[] shrunk = new byte[n - cut];
                System.arraycopy(bytes, 0, shrunk, 0, at);
                System.arraycopy(bytes, at + cut, shrunk, at, n - at - cut);
                bytes = shrunk;
            }
            case 5 -> setChunkLength(bytes, random, random.nextBoolean() ? 0xFFFFFFFFL : random.nextInt(64));
            default -> setHeaderField(bytes, random);
        }
        return bytes;
    }

    /** Sets the length field of the header or of one track chunk. */
    private static void setChunkLength(byte[] bytes, Random random, long length) {
        List<Integer> fields = new ArrayList<>(List.of(4));
        for (int i = 0; i + 8 <= bytes.length; i++) {
            if (bytes[i] == 'M' && bytes[i + 1] == 'T' && bytes[i + 2] == 'r' && bytes[i + 3] == 'k') {
                fields.add(i + 4);
            }
        }
        int at = fields.get(random.nextInt(fields.size()));
        for (int k = 0; k < 4 && at + k < bytes.length; k++) {
            bytes[at + k] = (byte) (length >> (24 - 8 * k));
        }
    }

    /** Sets format, track count or division to an extreme or random value. */
    private static void setHeaderField(byte[] bytes, Random random) {
        int at = 8 + 2 * random.nextInt(3);
        int value = new int[] {0, 0xFFFF, 0x8000, 2, random.nextInt(0x10000)}[random.nextInt(5)];
        if (at + 1 < bytes.length) {
            bytes[at] = (byte) (value >> 8);
            bytes[at + 1] = (byte) value;
        }
    }
}
