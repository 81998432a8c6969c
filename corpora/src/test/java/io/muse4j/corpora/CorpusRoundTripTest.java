package io.muse4j.corpora;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.core.token.PerformanceTokenizer;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.RemiTokenizer;
import io.muse4j.core.token.ScoreCodec;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every encoding's round trip, {@code decode(encode(x)).equals(normalize(x))}, on every MIDI file of the corpora. */
@Tag("slow") // every corpus file through every encoding: ~7 s
class CorpusRoundTripTest {
    private static final Map<String, ScoreCodec<?>> CODECS = new LinkedHashMap<>();

    static {
        CODECS.put("melody", new MelodyTokenizer());
        CODECS.put("performance", new PerformanceTokenizer());
        CODECS.put("pianoroll-16th", new PianoRollCodec(GridConfig.SIXTEENTHS));
        CODECS.put("pianoroll-quarter", new PianoRollCodec(GridConfig.QUARTERS));
        CODECS.put("remi", new RemiTokenizer());
    }

    @Test
    void everyEncodingRoundTripsEveryCorpusFile() throws Exception {
        List<Path> files = SharedCorpora.midiFiles();
        assertTrue(files.size() > 4000, "expected over 4,000 MIDI files, found " + files.size());
        List<String> failures = new ArrayList<>();
        long notes = 0;
        for (Path file : files) {
            NoteSequence seq = MidiReader.read(file).sequence();
            notes += seq.notes().size();
            for (Map.Entry<String, ScoreCodec<?>> codec : CODECS.entrySet()) {
                String failure = roundTrip(codec.getValue(), seq);
                if (failure != null && failures.size() < 20) {
                    failures.add(codec.getKey() + " " + file + ": " + failure);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(notes > 1_000_000, "expected over a million notes, read " + notes);
    }

    private static <E> String roundTrip(ScoreCodec<E> codec, NoteSequence seq) {
        try {
            NoteSequence normalized = codec.normalize(seq);
            if (!codec.decode(codec.encode(seq)).equals(normalized)) {
                return "decode(encode(x)) differs from normalize(x)";
            }
            if (!codec.normalize(normalized).equals(normalized)) {
                return "normalize is not idempotent";
            }
            return null;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
