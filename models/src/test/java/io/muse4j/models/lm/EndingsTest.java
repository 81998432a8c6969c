package io.muse4j.models.lm;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.token.AbcTokenizer;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.kind.Pieces;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 21: a model on an encoding with an end token learns where pieces end, and generation honours it. */
@Tag("slow")
class EndingsTest {
    private static final EncodingSpec.Abc ABC = new EncodingSpec.Abc(12, 48, 96, true);
    /** Every toy tune: three bars of quarters in D major (motifs in any order), then a half-note D in a short bar. */
    private static final long TUNE_END = 3 * 1920 + 960;

    @TempDir
    static Path dir;
    private static SavedModel saved;

    private static List<int[]> toyTunes() {
        int[][] motifs = {{62, 64, 66, 67}, {69, 67, 66, 64}, {74, 73, 71, 69}, {66, 69, 74, 69}};
        Random random = new Random(11);
        AbcTokenizer tokenizer = ABC.codec();
        List<int[]> tunes = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            NoteSequenceBuilder b = NoteSequence.builder(480).timeSignature(0, 4, 4).keySignature(0, 2, false)
                    .tempoBpm(0, 120);
            for (int bar = 0; bar < 3; bar++) {
                int[] motif = motifs[random.nextInt(motifs.length)];
                for (int q = 0; q < 4; q++) {
                    b.note(motif[q], 90, (bar * 4L + q) * 480, 480);
                }
            }
            b.note(62, 90, 12 * 480L, 960);
            tunes.add(tokenizer.encode(b.build()));
        }
        return tunes;
    }

    @BeforeAll
    static void train() throws Exception {
        int vocabulary = ABC.codec().vocabulary().size();
        TokenModel model = new TokenModel(new LstmConfig(vocabulary, 32, 96, 1), 3);
        TokenBatches batches = new TokenBatches(toyTunes(), 8, 48, 5);
        double before = model.loss(batches.batch(0));
        TrainerConfig config = new TrainerConfig(1500, 0.01, 50, 0.1, 5.0, 1500, 1500, 0);
        new Trainer<>(config, model, batches::batch, List.of(), dir.resolve("toy.ckpt"), List.of()).train(false);
        assertTrue(model.loss(batches.batch(0)) < before / 20, "the loss falls");
        Path file = dir.resolve("toy.m4j");
        ModelFile.save(file, model, ABC.fields(), ABC.codec().vocabulary().names(), Map.of());
        saved = ModelKinds.load(file);
    }

    private static GenerationRequest request(GenerationRequest.Length length) {
        return request(length, null);
    }

    private static GenerationRequest request(GenerationRequest.Length length, Double rhythmTemperature) {
        return new GenerationRequest(length, null, new GenerationRequest.Sampling(null, null, null, null,
                rhythmTemperature, 5), null, null);
    }

    /** Without the end token the pieces would run to the cap of 3,000 tokens: some 170 bars of quarters. */
    @Test
    void aModelTrainedOnToyTunesStopsWhereTheyStop() throws Exception {
        Pieces whole = TokenGeneration.pieces(saved, request(new GenerationRequest.Length(null, null, null)));
        int exact = 0;
        for (int i = 1; i <= 10; i++) {
            NoteSequence piece = whole.piece(i);
            Note last = piece.notes().get(piece.notes().size() - 1);
            assertEquals(62, last.pitch(), "piece " + i + " ends on the tonic");
            assertEquals(960, last.durationTicks(), "piece " + i + " ends on a half note");
            assertTrue(piece.endTick() <= 2 * TUNE_END, "piece " + i + " stops: " + piece.endTick());
            exact += piece.endTick() == TUNE_END ? 1 : 0;
        }
        assertTrue(exact >= 7, exact + " of 10 pieces stop after 3 bars and a half note, as every toy tune does");
    }

    @Test
    void barsAreExactlyThoseAskedForWhereTheEndIsNotAllowedBefore() throws Exception {
        Pieces three = TokenGeneration.pieces(saved, request(new GenerationRequest.Length(null, 3, null)));
        int cut = 0;
        for (int i = 1; i <= 5; i++) {
            NoteSequence piece = three.piece(i);
            // every piece ends in its third bar: cut at its end, or, where the model happens to write a whole tune
            // one motif short (two bars and the half note), that tune as it ends
            assertTrue(piece.endTick() > 2 * 1920 && piece.endTick() <= 3 * 1920, "piece " + i + ": " + piece.endTick());
            cut += piece.endTick() == 3 * 1920 ? 1 : 0;
        }
        assertTrue(cut >= 3, cut + " of 5 pieces cut at three bars, though every toy tune is longer");
    }

    @Test
    void barsOfTheLengthTheModelWritesAreItsOwnWholePieces() throws Exception {
        Pieces four = TokenGeneration.pieces(saved, request(new GenerationRequest.Length(null, 4, null)));
        for (int i = 1; i <= 5; i++) {
            NoteSequence piece = four.piece(i);
            assertEquals(TUNE_END, piece.endTick(), "piece " + i + " is a whole toy tune, ending on its half note");
            assertEquals(62, piece.notes().get(piece.notes().size() - 1).pitch(), "piece " + i);
        }
    }

    /** An untrained model on the melody encoding, which has neither an end token nor bars. */
    private static SavedModel melodyModel() throws Exception {
        Path file = dir.resolve("melody.m4j");
        EncodingSpec.Melody melody = new EncodingSpec.Melody(4, 48, 84);
        ModelFile.save(file, new TokenModel(new LstmConfig(39, 8, 8, 1), 1), melody.fields(),
                melody.codec().vocabulary().names(), Map.of());
        return ModelKinds.load(file);
    }

    @Test
    void wholeAndARhythmTemperatureAreRefusedByAModelWithoutAnEndOrBars() throws Exception {
        SavedModel plain = melodyModel();
        RequestException whole = assertThrows(RequestException.class,
                () -> TokenGeneration.pieces(plain, request(new GenerationRequest.Length(null, null, null, true))));
        assertTrue(whole.getMessage().startsWith("--whole needs a model that learnt where pieces end"),
                whole.getMessage());
        RequestException rhythm = assertThrows(RequestException.class,
                () -> TokenGeneration.pieces(plain, request(new GenerationRequest.Length(null, 8, null), 1.0)));
        assertTrue(rhythm.getMessage().startsWith("--new-temperature and --rhythm-temperature need a model whose "
                + "encoding tells new material"), rhythm.getMessage());
    }

    /** Every toy tune is in quarters and a half note: a hot rhythm temperature reaches the lengths of new material. */
    @Test
    void aRhythmTemperatureDrawsTheLengthsOfNewMaterial() throws Exception {
        GenerationRequest.Length whole = new GenerationRequest.Length(null, null, null);
        int[] others = new int[2];
        Double[] temperatures = {null, 50.0};
        for (int t = 0; t < 2; t++) {
            Pieces pieces = TokenGeneration.pieces(saved, request(whole, temperatures[t]));
            for (int i = 1; i <= 5; i++) {
                others[t] += (int) pieces.piece(i).notes().stream().filter(n -> n.durationTicks() != 480).count();
            }
        }
        assertEquals(5, others[0], "notes other than quarters: the half notes that end the tunes");
        assertTrue(others[1] >= 10, others[1] + " notes other than quarters at a rhythm temperature of 50");
    }
}
