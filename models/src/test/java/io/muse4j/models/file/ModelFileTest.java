package io.muse4j.models.file;

import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.lm.SequenceModel;
import io.muse4j.models.lm.TokenLstmTest;
import io.muse4j.models.lm.TokenModel;
import io.muse4j.models.nn.LstmConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {
    @TempDir
    Path dir;

    private static List<String> vocabulary(int size) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            names.add("T" + i);
        }
        return names;
    }

    private Path trainedModel(TokenModel model) throws Exception {
        TokenLstmTest.overfit(model, TokenLstmTest.countingBatch(2, 8, 10), 5, 0.01, dir);
        Path file = dir.resolve("model.m4j");
        ModelFile.save(file, model, Map.of("encoding", "melody"), vocabulary(10),
                Map.of("corpus", "counting", "steps", "5"));
        return file;
    }

    @Test
    void saveThenLoadGivesIdenticalLogits() throws Exception {
        TokenModel model = new TokenModel(new LstmConfig(10, 6, 16, 2), 3);
        Path file = trainedModel(model);
        SavedModel loaded = ModelKinds.load(file);
        int[][] tokens = TokenLstmTest.countingBatch(2, 8, 10).tokens();
        INDArray before = model.logits(tokens);
        INDArray after = ((TokenModel) loaded.model()).logits(tokens);
        assertTrue(Arrays.equals(before.data().asFloat(), after.data().asFloat()), "logits differ after loading");
        assertEquals(vocabulary(10), loaded.vocabulary());
        assertEquals(Map.of("encoding", "melody"), loaded.contents().header().tokenizer());
        assertEquals(Map.of("corpus", "counting", "steps", "5"), loaded.training());
        assertEquals(model.config(), ((SequenceModel) loaded.model()).config());
    }

    @Test
    void corruptTruncatedAndForeignFilesAreNamed() throws Exception {
        Path file = trainedModel(new TokenModel(new LstmConfig(10, 6, 16, 1), 3));
        byte[] good = Files.readAllBytes(file);

        Path foreign = dir.resolve("notes.txt");
        Files.writeString(foreign, "just some text, not a model");
        assertEquals(foreign + ": not a muse4j model file", message(foreign));

        Path truncated = dir.resolve("truncated.m4j");
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        assertTrue(message(truncated).startsWith(truncated + ": not a muse4j model file"), message(truncated));

        Path corrupt = dir.resolve("corrupt.m4j");
        byte[] flipped = good.clone();
        flipped[good.length / 3] ^= 0x10;
        Files.write(corrupt, flipped);
        String corruptMessage = message(corrupt);
        assertTrue(corruptMessage.equals(corrupt + ": checksum mismatch: the file is corrupt")
                || corruptMessage.startsWith(corrupt + ": not a muse4j model file")
                || corruptMessage.startsWith(corrupt + ": corrupt"), corruptMessage);
    }

    @Test
    void aFileFromANewerFormatIsRefused() throws Exception {
        String header = "{\"format\":\"muse4j-model\",\"formatVersion\":99,\"kind\":\"token-lstm\"}";
        byte[] weights = new byte[4];
        Path file = dir.resolve("future.m4j");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            put(out, "header.json", header.getBytes(StandardCharsets.UTF_8));
            put(out, "weights.bin", weights);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(header.getBytes(StandardCharsets.UTF_8));
            sha.update(weights);
            put(out, "checksum.sha256", HexFormat.of().formatHex(sha.digest()).getBytes(StandardCharsets.US_ASCII));
        }
        Files.write(file, zip.toByteArray());
        assertTrue(message(file).startsWith(file + ": model format version 99 is newer than this muse4j"), message(file));
    }

    @Test
    void theVocabularyMustFitTheModel() {
        TokenModel model = new TokenModel(new LstmConfig(10, 4, 8, 1), 1);
        assertEquals("vocabulary of 9 names for a model of 10 ids", assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(dir.resolve("x"), model, Map.of(), vocabulary(9), Map.of())).getMessage());
    }

    private static String message(Path file) {
        return assertThrows(ModelFileException.class, () -> ModelKinds.load(file)).getMessage();
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws Exception {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
