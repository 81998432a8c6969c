package io.muse4j.models.file;

import io.muse4j.core.testing.HostileFiles;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.lm.TokenModel;
import io.muse4j.models.nn.LstmConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Model files built to hurt the loader (issue 22): zip bombs whose central directory tells the truth or lies,
 * files cut short, weights that are not numbers, a bad tokenizer field, and inputs that are not files. Each must
 * fail fast with one {@link ModelFileException} naming the file, never an OutOfMemoryError: Surefire runs this
 * class in a JVM of its own with {@code -Xmx512m}.
 */
class HostileModelFileTest {
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void anEntryDeclaredTooLargeIsRefusedBeforeInflating() throws Exception {
        Path file = dir.resolve("bomb.m4j");
        Files.write(file, declaring(zip(Map.of("header.json", new byte[10], "weights.bin", new byte[1000])),
                "weights.bin", 0xFFFF_FFF0L));
        assertEquals(file + ": its entry weights.bin would inflate to 4,294,967,280 bytes, more than the "
                + "1,073,741,824 bytes an entry may", message(file));
        Files.write(file, declaring(zip(Map.of("header.json", new byte[10], "weights.bin", new byte[1000])),
                "weights.bin", 0xFFFF_FFFFL)); // as an 8 GiB bomb written with zip64 sizes declares
        assertEquals(file + ": its entry weights.bin would inflate to 4 GiB or more (a zip64 size), more than the "
                + "1,073,741,824 bytes an entry may", message(file));
    }

    @Test
    void entriesDeclaredTooLargeTogetherAreRefused() throws Exception {
        Path file = dir.resolve("bombs.m4j");
        byte[] zip = zip(Map.of("header.json", new byte[10], "weights.bin", new byte[10]));
        Files.write(file, declaring(declaring(zip, "header.json", 0x3800_0000L), "weights.bin", 0x3800_0000L));
        assertEquals(file + ": its entries would inflate to 1,879,048,192 bytes, more than the 1,610,612,736 a "
                + "file may", message(file));
    }

    @Test
    void aBombThatDeclaresItsSizeIsRefusedForLackOfMemory() throws Exception {
        // 768 MiB of zeros in a zip of a few megabytes, its sizes declared truthfully: under the caps, but not
        // in the heap of this 512 MB JVM (a larger heap, as when -Dtest runs this class with the others, skips it)
        assumeTrue(Runtime.getRuntime().maxMemory() < 768L << 20, "the heap holds the bomb");
        Path file = dir.resolve("honest-bomb.m4j");
        Files.write(file, zerosBomb(768 << 20));
        String message = message(file);
        assertTrue(message.startsWith(file + ": its entries inflate to 768 MB, more than the ")
                && message.endsWith(" MB of memory left (raise the JVM's -Xmx)"), message);
    }

    @Test
    void aBombWhoseDirectoryLiesStopsAtTheDeclaredSize() throws Exception {
        // the bomb: a small file that inflates far past what its headers say
        Path file = dir.resolve("lying-bomb.m4j");
        Files.write(file, declaring(zerosBomb(512 << 20), "weights.bin", 1000));
        assertEquals(file + ": corrupt or hostile: its entry weights.bin inflates past the 1,000 bytes its zip "
                + "central directory declares", message(file));
    }

    @Test
    void aFileCutShortAnywhereIsRefused() throws Exception {
        Path good = model(Map.of("encoding", "melody"));
        byte[] bytes = Files.readAllBytes(good);
        int directory = (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - 6);
        Path cut = dir.resolve("cut.m4j");
        Files.write(cut, Arrays.copyOf(bytes, directory)); // every entry whole, the central directory gone
        assertEquals(cut + ": not a muse4j model file, or a truncated one: it has no zip central directory at "
                + "its end", message(cut));
        for (int length : new int[] {bytes.length - 1, bytes.length - 22, directory + 10, bytes.length / 2, 3}) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            assertTrue(message(cut).startsWith(cut + ": not a muse4j model file"), message(cut));
        }
    }

    @Test
    void weightsThatAreNotNumbersAreRefused() throws Exception {
        Path file = model(Map.of("encoding", "melody"));
        String name = editFirstArray(file, weights -> { // checksum and all: a model saved after training diverged
            int rank = weights.getInt();
            weights.putFloat(weights.position() + 8 * rank, Float.NaN); // the first value of the first array
        });
        assertEquals(file + ": array " + name + " holds NaN at index 0: its weights are not numbers (did training "
                + "diverge?)", message(file));
    }

    @Test
    void anArrayOfAbsurdRankIsRefusedBeforeItIsAllocated() throws Exception {
        Path file = model(Map.of("encoding", "melody"));
        // the rank ModelEntriesFuzzTest found: 14 GB of longs
        String name = editFirstArray(file, weights -> weights.putInt(weights.position(), 1_811_939_330));
        assertEquals(file + ": array " + name + " has 1811939330 dimensions, not 0..8", message(file));
    }

    @Test
    void aVocabularyThatIsNotAnArrayIsRefused() throws Exception {
        // an object there once read to the header's end and on, adding nulls until the heap ran out
        Path file = model(Map.of("encoding", "melody"));
        Map<String, byte[]> entries = ChecksummedZip.read(file, "muse4j model file");
        String header = new String(entries.get("header.json"), StandardCharsets.UTF_8);
        entries.put("header.json", header.replace("\"vocabulary\" : [", "\"vocabulary\" : {")
                .getBytes(StandardCharsets.UTF_8));
        ChecksummedZip.write(file, entries);
        assertEquals(file + ": unreadable header: its vocabulary is not an array of strings", message(file));
    }

    @Test
    void anEntryNameThatIsNotUtf8IsRefused() throws Exception {
        Path file = model(Map.of("encoding", "melody"));
        byte[] zip = Files.readAllBytes(file);
        zip[30] = (byte) 0xFF; // the first byte of the first entry's name in its local header
        Files.write(file, zip);
        String message = message(file);
        assertTrue(message.startsWith(file + ": not a muse4j model file, or a truncated one: an entry's name is not "
                + "UTF-8"), message);
    }

    @Test
    void aBadTokenizerFieldNamesTheModelFile() throws Exception {
        Path file = model(Map.of("encoding", "melody", "stepsPerQuarter", "bogus"));
        String message = message(file);
        assertTrue(message.startsWith(file + ": bad tokenizer "), message);
        assertTrue(message.endsWith(": stepsPerQuarter 'bogus' is not a whole number"), message);
    }

    @Test
    void modelFilesAndCheckpointsMustBeRegularFiles() throws Exception {
        HostileFiles.assertRefused(dir, "model.m4j", true, ModelKinds::load);
        HostileFiles.assertRefused(dir, "model.m4j.ckpt", true, f -> ChecksummedZip.read(f, "checkpoint"));
    }

    private Path model(Map<String, String> tokenizer) throws Exception {
        Path file = dir.resolve("model-" + tokenizer.size() + ".m4j");
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            vocabulary.add("T" + i);
        }
        ModelFile.save(file, new TokenModel(new LstmConfig(10, 4, 8, 1), 1), tokenizer, vocabulary, Map.of());
        return file;
    }

    private static String message(Path file) {
        return assertTimeoutPreemptively(QUICK, () -> assertThrows(ModelFileException.class,
                () -> ModelKinds.load(file)).getMessage());
    }

    /** A zip of the entries, in order, without a checksum (the caps are checked before it). */
    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : new LinkedHashMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A model-shaped zip whose weights.bin is {@code size} zero bytes, deflated to a thousandth of that. */
    private static byte[] zerosBomb(int size) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_SPEED);
            out.putNextEntry(new ZipEntry("header.json"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("weights.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int written = 0; written < size; written += zeros.length) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The zip with its central directory declaring {@code size} inflated bytes for {@code entry}. */
    private static byte[] declaring(byte[] zip, String entry, long size) {
        ByteBuffer b = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        int at = b.getInt(end + 16);
        for (int i = 0; i < (b.getShort(end + 10) & 0xFFFF); i++) {
            int nameLength = b.getShort(at + 28) & 0xFFFF;
            if (new String(zip, at + 46, nameLength, StandardCharsets.UTF_8).equals(entry)) {
                b.putInt(at + 24, (int) size);
            }
            at += 46 + nameLength + (b.getShort(at + 30) & 0xFFFF) + (b.getShort(at + 32) & 0xFFFF);
        }
        return b.array();
    }

    /** Edits a model file's weights from the first array's rank on, checksum and all; the array's name. */
    private static String editFirstArray(Path file, Consumer<ByteBuffer> edit) throws Exception {
        Map<String, byte[]> entries = ChecksummedZip.read(file, "muse4j model file");
        ByteBuffer weights = ByteBuffer.wrap(entries.get("weights.bin"));
        weights.getInt(); // arrays
        String name = readUtf(weights);
        edit.accept(weights);
        ChecksummedZip.write(file, entries);
        return name;
    }

    private static String readUtf(ByteBuffer b) {
        byte[] name = new byte[b.getShort() & 0xFFFF];
        b.get(name);
        return new String(name, StandardCharsets.UTF_8);
    }
}
