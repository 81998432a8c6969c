package io.muse4j.midi.abc;

import io.muse4j.core.score.Metadata;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads ABC files (the dialect of the folk corpora: ABC 2.1 for single-voice tunes) into {@link AbcTune}s, one per
 * X: block, each holding a {@link NoteSequence} at {@link #RESOLUTION} ticks per quarter.
 * <ul>
 *   <li>Header: X T M L K R Q (and P or Y, the part order) are read (T as the tag "title", R as "rhythm", X as
 *       "abc.tune"), others ignored; a
 *       bare {@code Q:180} is 180 quarter notes per minute, as in the corpora's MIDI renderings. Lines of the
 *       header that are not fields continue a free-text field and are ignored. The body runs from K: to a blank
 *       line or the next X:.</li>
 *   <li>Body: notes with key-signature and bar-scoped accidentals, octaves, lengths, broken rhythm, tuplets
 *       {@code (3} and {@code (p:q:r}, rests {@code z x Z}, ties, chords {@code [CEG]} (and ABC 1.6's {@code +CEG+});
 *       K: M: L: Q: fields on their own line or inline. Chord symbols ("G", "D/F#") become
 *       {@link NoteSequence#chords()}; quoted text not starting with A-G (annotations, bar numbers) is dropped.</li>
 *   <li>Dropped, as they change no note: slurs, decorations, grace notes {@code {..}} (which take no time in
 *       ABC), lyrics and other fields. A second voice (V:) is refused.</li>
 *   <li>Repeats and endings are expanded into the played order ({@link AbcRepeats}), part by part where the header
 *       gives a part order ({@code P:AABA}, or {@code Y:AABA} as the cleaned Nottingham files write it) and the body
 *       labels the parts ({@code P:A}); the written order and the bar lines stay in the {@link AbcTune}.</li>
 * </ul>
 * A bad tune raises {@link AbcException} naming the file, its X: number and the line; {@link #readSkippingBad}
 * returns the good tunes and the failures.
 */
public final class AbcReader {
    /** Ticks per quarter note: divisible by 2, 3 and 5, so tuplets and broken rhythms are exact. */
    public static final int RESOLUTION = 480;
    /** The velocity of every note; ABC has dynamics only as decorations, which are ignored. */
    public static final int VELOCITY = 90;
    /** Files above this size are refused before they are read. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private static final Pattern FIELD = Pattern.compile("[A-Za-z]:.*");
    /** A body line such as "e:|" or "A::" is music (a note, then a repeat), not a field. */
    private static final Pattern NOTE_THEN_REPEAT = Pattern.compile("[A-Ga-g]:[|:\\]].*");
    /** A header P: or Y: that gives a part order; other text there (some files put remarks in P:) is ignored. */
    private static final Pattern PART_ORDER = Pattern.compile("[A-Z0-9().\\s]+");

    private AbcReader() {
    }

    /** Every tune of a file; fails on the first bad tune. */
    public static List<AbcTune> read(Path file) throws IOException {
        return parse(text(file), file.toString());
    }

    /** The good tunes of a file and an exception for each bad one; fails only when the file cannot be read. */
    public static AbcBook readSkippingBad(Path file) throws IOException {
        return parseSkippingBad(text(file), file.toString());
    }

    /** Every tune of ABC text; {@code name} names it in messages. Fails on the first bad tune. */
    public static List<AbcTune> parse(String text, String name) throws AbcException {
        AbcBook book = parseSkippingBad(text, name);
        if (!book.failures().isEmpty()) {
            throw book.failures().get(0);
        }
        return book.tunes();
    }

    /** The good tunes of ABC text and an exception for each bad one. */
    public static AbcBook parseSkippingBad(String text, String name) {
        String[] lines = text.split("\\r?\\n|\\r", -1);
        List<AbcTune> tunes = new ArrayList<>();
        List<AbcException> failures = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("X:")) {
                i++;
                continue;
            }
            int start = i;
            int end = start + 1;
            while (end < lines.length && !lines[end].startsWith("X:") && !endsBody(lines, start, end)) {
                end++;
            }
            try {
                tunes.add(tune(lines, start, end, name));
            } catch (AbcException e) {
                failures.add(e);
            }
            i = end;
        }
        return new AbcBook(tunes, failures);
    }

    /** A blank line ends a tune once its K: has been seen. */
    private static boolean endsBody(String[] lines, int start, int at) {
        if (!lines[at].isBlank()) {
            return false;
        }
        for (int j = start; j < at; j++) {
            if (lines[j].startsWith("K:")) {
                return true;
            }
        }
        return false;
    }

    private static AbcTune tune(String[] lines, int start, int end, String name) throws AbcException {
        String x = lines[start].substring(2).strip();
        if (!x.matches("\\d{1,9}")) {
            throw new AbcException(name, -1, start + 1, "X: '" + x + "' is not a tune number");
        }
        int number = Integer.parseInt(x);
        AbcTuneParser parser = new AbcTuneParser(RESOLUTION);
        Map<String, String> tags = new HashMap<>();
        tags.put("abc.tune", String.valueOf(number));
        boolean body = false;
        int at = start;
        int last = start;
        try {
            for (at = start + 1; at < end; at++) {
                String line = lines[at];
                if (line.startsWith("%") || line.isBlank()) {
                    continue;
                }
                last = at;
                if (FIELD.matcher(line).matches() && !(body && NOTE_THEN_REPEAT.matcher(line).matches())) {
                    char field = line.charAt(0);
                    String value = stripComment(line.substring(2));
                    if (!body && (field == 'T' || field == 'R')) {
                        tags.putIfAbsent(field == 'T' ? "title" : "rhythm", value.strip());
                    }
                    if (!body && (field == 'P' || field == 'Y') && PART_ORDER.matcher(value.strip()).matches()) {
                        parser.partOrder = AbcParts.order(value);
                    } else {
                        parser.field(field, value);
                    }
                    if (field == 'K' && !body) {
                        parser.endHeader();
                        body = true;
                    }
                } else if (body) {
                    parser.line(line);
                }
            }
            at = last;
            if (!body) {
                throw new AbcSyntaxError("the tune has no K: field, so no body");
            }
            long endTick = parser.finish();
            return build(number, start, parser, tags, endTick);
        } catch (AbcSyntaxError | IllegalArgumentException e) {
            throw new AbcException(name, number, Math.min(at, end - 1) + 1, e.getMessage());
        }
    }

    private static String stripComment(String value) {
        int percent = value.indexOf('%');
        return percent >= 0 ? value.substring(0, percent) : value;
    }

    private static AbcTune build(int number, int start, AbcTuneParser parser, Map<String, String> tags, long endTick) {
        List<Note> notes = parser.notes.stream()
                .map(p -> Note.of(p.pitch, VELOCITY, p.start, p.duration)).toList();
        NoteSequence written = new NoteSequence(RESOLUTION, notes, List.copyOf(parser.tempos.values()),
                List.copyOf(parser.meters.values()), List.copyOf(parser.keys.values()), List.of(),
                new Metadata(List.of(), tags), parser.chords);
        List<AbcTune.Span> order = AbcParts.playOrder(parser.partOrder, parser.parts, parser.barLines,
                parser.leadIn, endTick);
        NoteSequence played = AbcRepeats.expand(written, order, parser.leadIn);
        return new AbcTune(number, tags.getOrDefault("title", ""), start + 1, played,
                written, parser.barLines, order);
    }

    private static String text(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new AbcException(file.toString(), -1, 1, "file of " + size + " bytes is larger than the "
                    + MAX_FILE_BYTES + " bytes an ABC file may have here");
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
