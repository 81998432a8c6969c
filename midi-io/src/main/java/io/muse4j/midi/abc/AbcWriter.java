package io.muse4j.midi.abc;

import io.muse4j.core.score.ChordChange;
import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a {@link NoteSequence} as one ABC tune, in the played order (no repeat signs), readable by
 * {@link AbcReader}.
 * <ul>
 *   <li>Header: X: from the tag "abc.tune" (else 1), T: from "title", M: K: Q: from the events at tick 0, L: from
 *       the options, R: from "rhythm". Later meter, key and tempo changes are written inline ({@code [K:G]}).</li>
 *   <li>Time is snapped to a grid of {@link Options#subdivisions()} steps per L: unit; each length is written as a
 *       fraction of the unit ("A3/2", "A2/5"), and three notes in a row of 2/3 of a unit as a triplet ("(3ABc").
 *       Bar lines follow the meter; a note across a bar line or a chord symbol is split and tied. Silence before
 *       the first note that is shorter than the first bar is written as a pickup, and so is a pickup bar (a short
 *       first bar in a meter of its own, 1/8 then 6/8): M: is the meter after it.</li>
 *   <li>One voice: notes that start together become a chord {@code [CEG]} as long as its shortest note, and a
 *       note still sounding when the next starts is cut there. Velocity, program, channel and track are not
 *       written.</li>
 * </ul>
 */
public final class AbcWriter {
    /**
     * How to write.
     *
     * @param unitDenominator the L: unit is 1/unitDenominator of a whole note: a power of two, 1..64
     * @param subdivisions grid steps per unit; it must divide the unit's ticks at {@link AbcReader#RESOLUTION} so
     *                     the lengths read back exactly (240 for L:1/8 keeps every tick)
     * @param barsPerLine bars on each line of music, at least 1
     */
    public record Options(int unitDenominator, int subdivisions, int barsPerLine) {
        /** L:1/8, a grid of one tick at 480 per quarter (nothing the reader produces is moved), 4 bars a line. */
        public static final Options DEFAULT = new Options(8, 240, 4);

        public Options {
            if (unitDenominator < 1 || unitDenominator > 64 || Integer.bitCount(unitDenominator) != 1) {
                throw new IllegalArgumentException(
                        "unit note length 1/" + unitDenominator + " must be 1/d with d a power of two up to 64");
            }
            long unitTicks = AbcReader.RESOLUTION * 4L / unitDenominator;
            if (subdivisions < 1 || unitTicks % subdivisions != 0) {
                throw new IllegalArgumentException("subdivisions " + subdivisions + " must divide " + unitTicks
                        + ", the ticks of an L:1/" + unitDenominator + " unit at " + AbcReader.RESOLUTION
                        + " per quarter, so that lengths read back exactly");
            }
            if (barsPerLine < 1) {
                throw new IllegalArgumentException("bars per line " + barsPerLine + " must be at least 1");
            }
        }
    }

    /** Notes that start together, as grid steps {@code [start, end)}. */
    private record Group(long start, long end, List<Integer> pitches) {
    }

    private final NoteSequence seq;
    private final Options options;
    private final double stepTicks;
    private final TreeMap<Long, Group> groups = new TreeMap<>();
    private final TreeSet<Long> bars = new TreeSet<>();
    private final TreeMap<Long, List<String>> fields = new TreeMap<>();
    private final TreeMap<Long, KeySignature> keys = new TreeMap<>();
    private final TreeMap<Long, List<String>> chords = new TreeMap<>();
    private final AbcSpelling spelling = new AbcSpelling();

    private AbcWriter(NoteSequence seq, Options options) {
        this.seq = seq;
        this.options = options;
        this.stepTicks = seq.resolution() * 4.0 / options.unitDenominator() / options.subdivisions();
    }

    /** The sequence as ABC text with {@link Options#DEFAULT}. */
    public static String write(NoteSequence seq) {
        return write(seq, Options.DEFAULT);
    }

    /** The sequence as the text of one ABC tune, ending with a newline. */
    public static String write(NoteSequence seq, Options options) {
        AbcWriter writer = new AbcWriter(seq, options);
        return writer.header() + writer.body();
    }

    private long step(long tick) {
        return Math.round(tick / stepTicks);
    }

    private String header() {
        Map<String, String> tags = seq.metadata().tags();
        StringBuilder out = new StringBuilder();
        out.append("X:").append(tags.getOrDefault("abc.tune", "1")).append('\n');
        if (tags.containsKey("title")) {
            out.append("T:").append(tags.get("title")).append('\n');
        }
        TimeSignature meter = tuneMeter();
        out.append("M:").append(meter.numerator()).append('/').append(meter.denominator()).append('\n');
        out.append("L:1/").append(options.unitDenominator()).append('\n');
        if (!seq.tempos().isEmpty() && seq.tempos().get(0).tick() == 0) {
            out.append("Q:").append(tempo(seq.tempos().get(0))).append('\n');
        }
        if (tags.containsKey("rhythm")) {
            out.append("R:").append(tags.get("rhythm")).append('\n');
        }
        KeySignature key = !seq.keySignatures().isEmpty() && seq.keySignatures().get(0).tick() == 0
                ? seq.keySignatures().get(0) : new KeySignature(0, 0, false);
        spelling.key(key.sharps(), key.minor());
        return out.append("K:").append(AbcKey.name(key.sharps(), key.minor())).append('\n').toString();
    }

    private static String tempo(TempoChange tempo) {
        return "1/4=" + Math.round(tempo.bpm());
    }

    private String body() {
        long end = collectNotes();
        collectEvents();
        end = Math.max(end, chords.isEmpty() ? 0 : chords.lastKey() + 1);
        long start = pickupStart(end);
        TreeSet<Long> boundaries = new TreeSet<>(bars);
        boundaries.addAll(fields.keySet());
        boundaries.addAll(chords.keySet());
        groups.values().forEach(g -> {
            boundaries.add(g.start);
            boundaries.add(g.end);
        });
        StringBuilder out = new StringBuilder();
        int barCount = 0;
        for (long at = start; at < end; ) {
            if (at > start && bars.contains(at)) {
                spelling.bar();
                out.append(++barCount % options.barsPerLine() == 0 ? "|\n" : "| ");
            } else if (at > start && onBeat(at)) {
                out.append(' ');
            }
            fields.getOrDefault(at, List.of()).forEach(out::append);
            if (keys.containsKey(at)) {
                spelling.key(keys.get(at).sharps(), keys.get(at).minor());
            }
            chords.getOrDefault(at, List.of()).forEach(c -> out.append('"').append(c).append('"'));
            Long higher = boundaries.higher(at);
            long next = higher == null ? end : Math.min(higher, end);
            Map.Entry<Long, Group> sounding = groups.floorEntry(at);
            if (sounding != null && sounding.getValue().end > at) {
                out.append(notes(sounding.getValue().pitches)).append(length(next - at));
                out.append(next < sounding.getValue().end ? "-" : "");
            } else {
                out.append('z').append(length(next - at));
            }
            at = next;
        }
        return triplets(out.append("|]\n").toString());
    }

    /** One note, rest or chord with any chord symbols before it and a tie after it; group 2 is its length. */
    private static final String ELEMENT = "((?:\"[^\"]*\")*(?:\\[[^\\]]*]|[\\^_=]*[A-Ga-gz][,']*))(%s)(-?)";
    private static final Map<String, String> TRIPLET_LENGTHS = Map.of("2/3", "", "/3", "/", "4/3", "2");
    private static final List<java.util.regex.Pattern> TRIPLETS = TRIPLET_LENGTHS.keySet().stream()
            .map(length -> java.util.regex.Pattern.compile(String.format(ELEMENT, length).repeat(3))).toList();

    /** Three notes in a row of 2/3 (or 1/3, 4/3) of a unit each are written as a triplet: "(3ABc". */
    private static String triplets(String body) {
        for (java.util.regex.Pattern triplet : TRIPLETS) {
            body = triplet.matcher(body).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("(3"
                    + m.group(1) + TRIPLET_LENGTHS.get(m.group(2)) + m.group(3)
                    + m.group(4) + TRIPLET_LENGTHS.get(m.group(5)) + m.group(6)
                    + m.group(7) + TRIPLET_LENGTHS.get(m.group(8)) + m.group(9)));
        }
        return body;
    }

    /** Whether a step starts a beat of the first meter (a dotted quarter in 6/8, 9/8, 12/8), where a space goes. */
    private boolean onBeat(long at) {
        TimeSignature meter = tuneMeter();
        boolean compound = meter.denominator() == 8 && meter.numerator() % 3 == 0 && meter.numerator() > 3;
        long beat = step(seq.resolution() * 4L * (compound ? 3 : 1) / meter.denominator());
        Long barStart = bars.floor(at);
        return beat > 0 && (at - (barStart == null ? 0 : barStart)) % beat == 0;
    }

    /** Fills {@link #groups}; the step where the last note ends. */
    private long collectNotes() {
        TreeMap<Long, List<Note>> byStart = new TreeMap<>();
        for (Note note : seq.notes()) {
            byStart.computeIfAbsent(step(note.startTick()), k -> new ArrayList<>()).add(note);
        }
        long end = 0;
        for (Map.Entry<Long, List<Note>> e : byStart.entrySet()) {
            long start = e.getKey();
            long stop = Long.MAX_VALUE;
            for (Note note : e.getValue()) {
                stop = Math.min(stop, Math.max(start + 1, step(note.endTick())));
            }
            Long following = byStart.higherKey(start);
            stop = following == null ? stop : Math.min(stop, following);
            List<Integer> pitches = e.getValue().stream().map(Note::pitch).distinct().sorted().toList();
            groups.put(start, new Group(start, stop, pitches));
            end = Math.max(end, stop);
        }
        return end;
    }

    private void collectEvents() {
        List<ChordChange> symbols = seq.chords();
        long lastTick = Math.max(seq.endTick(), symbols.isEmpty() ? 0 : symbols.get(symbols.size() - 1).tick());
        for (long tick : seq.bars().starts(lastTick)) {
            bars.add(step(tick));
        }
        long pickupEnd = seq.bars().pickupEnd();
        for (TimeSignature t : seq.timeSignatures()) {
            if (pickupEnd == 0 || t.tick() != pickupEnd) {
                field(t.tick(), "[M:" + t.numerator() + "/" + t.denominator() + "]");
            }
        }
        for (KeySignature k : seq.keySignatures()) {
            if (k.tick() > 0) {
                keys.put(step(k.tick()), k);
            }
            field(k.tick(), "[K:" + AbcKey.name(k.sharps(), k.minor()) + "]");
        }
        for (TempoChange t : seq.tempos()) {
            field(t.tick(), "[Q:" + tempo(t) + "]");
        }
        for (ChordChange c : seq.chords()) {
            chords.computeIfAbsent(step(c.tick()), k -> new ArrayList<>()).add(c.symbol());
        }
    }

    /** The tune's meter: the first, or the one after a pickup bar (which ABC writes as a short first bar). */
    private TimeSignature tuneMeter() {
        return seq.bars().pickupEnd() > 0 ? seq.timeSignatures().get(1) : seq.initialTimeSignature();
    }

    private void field(long tick, String text) {
        if (tick > 0) {
            fields.computeIfAbsent(step(tick), k -> new ArrayList<>()).add(text);
        }
    }

    /** Where to start writing: at the first note when what comes before it is a rest shorter than the first bar. */
    private long pickupStart(long end) {
        if (groups.isEmpty() || bars.higher(0L) == null) {
            return 0;
        }
        long first = groups.firstKey();
        long firstBar = bars.higher(0L);
        boolean quiet = (chords.isEmpty() || chords.firstKey() >= first)
                && (fields.isEmpty() || fields.firstKey() >= first);
        return first < firstBar && end > firstBar && quiet ? first : 0;
    }

    private String notes(List<Integer> pitches) {
        if (pitches.size() == 1) {
            return spelling.note(pitches.get(0));
        }
        StringBuilder chord = new StringBuilder("[");
        pitches.forEach(p -> chord.append(spelling.note(p)));
        return chord.append(']').toString();
    }

    /** A length of {@code steps} grid steps as ABC writes it after a note: "", "2", "/2", "3/2". */
    private String length(long steps) {
        long num = steps;
        long den = options.subdivisions();
        long gcd = gcd(num, den);
        num /= gcd;
        den /= gcd;
        if (den == 1) {
            return num == 1 ? "" : String.valueOf(num);
        }
        return (num == 1 ? "" : String.valueOf(num)) + "/" + den;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
