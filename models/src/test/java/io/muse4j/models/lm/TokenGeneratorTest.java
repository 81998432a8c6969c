package io.muse4j.models.lm;

import io.muse4j.models.ModelKinds;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenGeneratorTest {
    @TempDir
    Path dir;

    /** The tiny corpus: the same 6-token riff repeated, starting anywhere. */
    private static final int[] RIFF = {2, 5, 3, 7, 3, 5};

    private static List<int[]> corpus() {
        List<int[]> seqs = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            int[] seq = new int[40];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = RIFF[(s + i) % RIFF.length];
            }
            seqs.add(seq);
        }
        return seqs;
    }

    @Tag("slow")
    @Test
    void aModelTrainedOnATinyCorpusReproducesItsPattern() throws Exception {
        TokenModel training = new TokenModel(new LstmConfig(8, 8, 32, 1), 2);
        TokenBatches batches = new TokenBatches(corpus(), 4, 12, 5);
        TrainerConfig config = new TrainerConfig(300, 0.01, 20, 0.1, 5.0, 300, 300, 0);
        new Trainer<>(config, training, batches::batch, List.of(), dir.resolve("riff.ckpt"), List.of()).train(false);
        Path file = dir.resolve("riff.m4j");
        ModelFile.save(file, training, java.util.Map.of(), List.of("a", "b", "c", "d", "e", "f", "g", "h"),
                java.util.Map.of());
        TokenModel sampling = ModelKinds.load(file).as(TokenModel.class, "a token model");

        int[] generated = new TokenGenerator(sampling).continueFrom(new int[] {5, 3, 7}, 30, new Sampler(1.0, 0, 1.0, 9));
        for (int i = 0; i < generated.length; i++) {
            assertEquals(RIFF[(i + 1) % RIFF.length], generated[i], "token " + i + " of " + java.util.Arrays.toString(generated));
        }
        int[] again = new TokenGenerator(sampling).continueFrom(new int[] {5, 3, 7}, 30, new Sampler(1.0, 0, 1.0, 9));
        assertArrayEquals(generated, again);
        int[] beamed = new TokenGenerator(sampling).beamSearch(new int[] {5, 3, 7}, 30, 4, new Sampler(1.0, 0, 1.0, 9), tokens -> false);
        for (int i = 0; i < beamed.length; i++) {
            assertEquals(RIFF[(i + 1) % RIFF.length], beamed[i], "beam token " + i);
        }
    }
}
