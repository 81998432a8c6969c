package io.muse4j.corpora;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.muse4j.core.io.InputFiles;
import io.muse4j.core.token.PianoRoll;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON piano-roll layout of the shared corpora: a list of sequences, each a list of frames, each a list of
 * the MIDI pitches sounding ({@code [sequence][frame][pitch]}), either bare or wrapped in an object of splits
 * ({@code {"train": [...], "valid": [...], "test": [...]}}).
 *
 * <p>Pitches may be written as whole floats ({@code 62.0}) and must be MIDI pitches 0..127; anything else is an
 * error naming the place. {@link #readFrames} also takes {@code -1}, the silent voice of the voice-separated layout
 * (such as {@code Jsb16thSeparated.json}), where each frame lists one entry per voice.
 *
 * <p>Limits: a file of at most {@link #MAX_FILE_BYTES}, at most {@link #MAX_FRAMES} frames in all and
 * {@value #MAX_PITCHES_PER_FRAME} pitches a frame, so that a hostile file fails with a
 * {@link CorpusFormatException} rather than exhausting memory (a frame costs about 24 bytes plus 4 a pitch).
 */
public final class PianoRollJson {
    /** The split name given to a file that holds a bare list of sequences. */
    public static final String UNSPLIT = "all";
    /** The largest file read, 64 MiB; the largest corpus of {@code ../shared/corpora} is 3 MB. */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** The most frames a file may hold in all its sequences (4 million). */
    public static final int MAX_FRAMES = 4_000_000;
    /** The most pitches one frame may list; there are only 128 MIDI pitches. */
    public static final int MAX_PITCHES_PER_FRAME = 128;
    private static final JsonFactory JSON = new JsonFactory();

    private PianoRollJson() {
    }

    /**
     * The splits of a file in file order; a bare list comes back as the one split {@value #UNSPLIT}. Only a regular
     * file of at most {@link #MAX_FILE_BYTES} is read (see {@link InputFiles}).
     */
    public static Map<String, List<PianoRoll>> read(Path file) throws IOException {
        try (Reader in = InputFiles.newReader(file, MAX_FILE_BYTES)) {
            return read(in, file.toString());
        }
    }

    /** {@link #read(Path)} from a stream; {@code name} names the source in error messages. */
    public static Map<String, List<PianoRoll>> read(Reader in, String name) throws IOException {
        Map<String, List<PianoRoll>> rolls = new LinkedHashMap<>();
        parse(in, name, false).forEach((split, sequences) -> rolls.put(split,
                sequences.stream().map(PianoRoll::new).toList()));
        return rolls;
    }

    /**
     * The splits of a file as {@code [sequence][frame][entry]}, in file order, where an entry may also be
     * {@code -1} for a silent voice; the limits and checks of {@link #read(Path)} apply.
     */
    public static Map<String, List<int[][]>> readFrames(Path file) throws IOException {
        try (Reader in = InputFiles.newReader(file, MAX_FILE_BYTES)) {
            return parse(in, file.toString(), true);
        }
    }

    private static Map<String, List<int[][]>> parse(Reader in, String name, boolean silentVoices)
            throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            Map<String, List<int[][]>> splits = new LinkedHashMap<>();
            int[] frames = {0};
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                splits.put(UNSPLIT, sequences(p, name, frames, silentVoices));
            } else if (first == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String split = p.currentName();
                    expect(p, p.nextToken(), JsonToken.START_ARRAY, name, "split \"" + split + "\"");
                    splits.put(split, sequences(p, name, frames, silentVoices));
                }
            } else {
                throw error(p, name, "expected a list of sequences or an object of splits, found " + first);
            }
            if (p.nextToken() != null) {
                throw error(p, name, "unexpected content after the end of the data");
            }
            return splits;
        } catch (JsonParseException e) {
            throw new CorpusFormatException(name, where(e.getLocation()), e.getOriginalMessage());
        }
    }

    /** The sequences as one line of JSON in the bare-list layout. */
    public static String toJson(List<PianoRoll> rolls) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (PianoRoll roll : rolls) {
                g.writeStartArray();
                for (int f = 0; f < roll.length(); f++) {
                    int[] pitches = roll.frame(f);
                    g.writeArray(pitches, 0, pitches.length);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string failed", e);
        }
        return out.toString();
    }

    /** The sequences of one split; {@code framesRead[0]} counts the frames of the whole file. */
    private static List<int[][]> sequences(JsonParser p, String name, int[] framesRead, boolean silentVoices)
            throws IOException {
        List<int[][]> rolls = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(p, t, JsonToken.START_ARRAY, name, "a sequence");
            List<int[]> frames = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                expect(p, t, JsonToken.START_ARRAY, name, "a frame");
                if (++framesRead[0] > MAX_FRAMES) {
                    throw error(p, name, String.format(Locale.ROOT, "more than %,d frames, the most a file may "
                            + "hold here", MAX_FRAMES));
                }
                frames.add(frame(p, name, silentVoices));
            }
            rolls.add(frames.toArray(new int[0][]));
        }
        return rolls;
    }

    private static int[] frame(JsonParser p, String name, boolean silentVoices) throws IOException {
        int[] pitches = new int[8];
        int count = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw error(p, name, "expected a pitch number, found " + t);
            }
            double value = p.getDoubleValue();
            boolean silent = silentVoices && value == -1;
            if (!silent && (value != Math.rint(value) || value < 0 || value > 127)) {
                throw error(p, name, "pitch " + p.getText() + " is not a MIDI pitch 0..127");
            }
            if (count == MAX_PITCHES_PER_FRAME) {
                throw error(p, name, "more than " + MAX_PITCHES_PER_FRAME + " pitches in one frame");
            }
            if (count == pitches.length) {
                pitches = java.util.Arrays.copyOf(pitches, count * 2);
            }
            pitches[count++] = (int) value;
        }
        return java.util.Arrays.copyOf(pitches, count);
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken wanted, String name, String what)
            throws CorpusFormatException {
        if (actual != wanted) {
            throw error(p, name, "expected " + what + " as a list, found " + actual);
        }
    }

    private static CorpusFormatException error(JsonParser p, String name, String reason) {
        return new CorpusFormatException(name, where(p.currentTokenLocation()), reason);
    }

    private static String where(JsonLocation at) {
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
