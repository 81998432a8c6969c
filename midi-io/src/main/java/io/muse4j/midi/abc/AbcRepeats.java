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
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * The played order of a tune with repeats and endings, as spans of its written ticks.
 * <ul>
 *   <li>{@code :|} (or {@code ::}) goes back once to the start of its section: the last {@code |:} or {@code ::},
 *       else the last {@code :|}, else the start of the tune. Where no {@code |:} is open, a {@code ||},
 *       {@code |]} or {@code [|} also starts a section, so {@code A || B :|} repeats only B, while
 *       {@code |: A || B :|} repeats both.</li>
 *   <li>An ending {@code [n} (or {@code |n}, {@code :|n}) runs to the next bar line other than a plain {@code |},
 *       and is played on pass n only; after the last ending the next section starts. With endings up to
 *       {@code [3}, a section is played three times. An ending that no repeat reaches (a {@code :|} missing, as
 *       in {@code [1 A || [2 B}) is played as written.</li>
 * </ul>
 */
final class AbcRepeats {
    /** Stops a tune whose repeats would go on for ever (a malformed one) from doing so. */
    private static final int MAX_STEPS = 100_000;

    /** Written ticks {@code [from, to)} between two bar lines, the endings it belongs to, and its closing bar line. */
    private record Segment(long from, long to, List<Integer> endings, AbcBarLine close) {
    }

    private AbcRepeats() {
    }

    /**
     * The spans of written ticks from {@code startTick} (after any lead-in) in played order, merged where
     * contiguous.
     */
    static List<AbcTune.Span> playOrder(List<AbcBarLine> barLines, long startTick, long endTick) {
        List<Segment> segments = segments(barLines, startTick, endTick);
        List<AbcTune.Span> spans = new ArrayList<>();
        int pass = 1;
        int sectionStart = 0;
        boolean explicitStart = false;
        int i = 0;
        for (int steps = 0; i < segments.size() && steps < MAX_STEPS; steps++) {
            Segment s = segments.get(i);
            // an ending that no repeat reaches ([1 .. || [2 .., a repeat sign missing) is played as written
            boolean played = s.endings.isEmpty() || s.endings.contains(pass) || pass == 1 && !s.endings.contains(1);
            if (played) {
                add(spans, s.from, s.to);
            }
            AbcBarLine.Kind kind = s.close == null ? AbcBarLine.Kind.BAR : s.close.kind();
            if (played && kind.endsRepeat() && (pass == 1 || maxEnding(segments, sectionStart, i) > pass)) {
                pass++;
                i = sectionStart;
                continue;
            }
            if (played && (kind.endsRepeat() || kind == AbcBarLine.Kind.REPEAT_START
                    || kind.startsSection() && (!explicitStart || !s.endings.isEmpty()))) {
                sectionStart = i + 1;
                explicitStart = kind == AbcBarLine.Kind.REPEAT_START || kind == AbcBarLine.Kind.REPEAT_BOTH;
                pass = 1;
            }
            i++;
        }
        return spans;
    }

    private static List<Segment> segments(List<AbcBarLine> barLines, long startTick, long endTick) {
        List<Segment> segments = new ArrayList<>();
        long from = startTick;
        List<Integer> endings = List.of();
        for (AbcBarLine bar : barLines) {
            long to = Math.max(from, bar.tick());
            segments.add(new Segment(from, to, endings, bar));
            if (!bar.endings().isEmpty()) {
                endings = bar.endings();
            } else if (bar.kind().startsSection()) {
                endings = List.of();
            }
            from = to;
        }
        segments.add(new Segment(from, Math.max(from, endTick), endings, null));
        return segments;
    }

    /** The highest ending number of the section, from its start through the run of endings after {@code at}. */
    private static int maxEnding(List<Segment> segments, int from, int at) {
        int max = 0;
        for (int i = from; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (i > at && s.endings.isEmpty()) {
                break;
            }
            for (int e : s.endings) {
                max = Math.max(max, e);
            }
        }
        return max;
    }

    /** Appends a span, merging it into the last one where they are contiguous. */
    static void add(List<AbcTune.Span> spans, long from, long to) {
        if (to <= from) {
            return;
        }
        int last = spans.size() - 1;
        if (last >= 0 && spans.get(last).to() == from) {
            spans.set(last, new AbcTune.Span(spans.get(last).from(), to));
        } else {
            spans.add(new AbcTune.Span(from, to));
        }
    }

    /**
     * The written sequence played in the order of {@code spans}, after {@code leadIn} silent ticks (before a
     * pickup): notes and chords starting in a span are copied (a
     * note held past the span's end is cut there); the tempo, meter and key in force at a span's start are restated
     * where they differ from those already in force.
     */
    static NoteSequence expand(NoteSequence written, List<AbcTune.Span> spans, long leadIn) {
        List<Note> notes = new ArrayList<>();
        List<ChordChange> chords = new ArrayList<>();
        TreeMap<Long, TempoChange> tempos = new TreeMap<>();
        TreeMap<Long, TimeSignature> meters = new TreeMap<>();
        TreeMap<Long, KeySignature> keys = new TreeMap<>();
        // the played music starts after the silent lead-in that aligns a pickup with the bars
        long offset = leadIn;
        for (AbcTune.Span span : spans) {
            long shift = offset - span.from();
            boolean first = span == spans.get(0);
            for (Note n : written.notes()) {
                if (n.startTick() >= span.from() && n.startTick() < span.to()) {
                    notes.add(n.withTiming(n.startTick() + shift, Math.min(n.endTick(), span.to()) - n.startTick()));
                }
            }
            for (ChordChange c : written.chords()) {
                if (c.tick() >= span.from() && c.tick() < span.to()) {
                    chords.add(c.atTick(c.tick() + shift));
                }
            }
            copy(written.tempos(), TempoChange::tick, span, shift, first, tempos,
                    (t, at) -> new TempoChange(at, t.microsPerQuarter()));
            copy(written.timeSignatures(), TimeSignature::tick, span, shift, first, meters,
                    (t, at) -> new TimeSignature(at, t.numerator(), t.denominator()));
            copy(written.keySignatures(), KeySignature::tick, span, shift, first, keys,
                    (k, at) -> new KeySignature(at, k.sharps(), k.minor()));
            offset += span.to() - span.from();
        }
        return new NoteSequence(written.resolution(), notes, List.copyOf(tempos.values()),
                List.copyOf(meters.values()), List.copyOf(keys.values()), List.of(), written.metadata(), chords);
    }

    /**
     * Copies the event in force at the span's start (at tick 0 for the first span, so that the lead-in before a
     * pickup has the tune's meter and key) and those inside the span, skipping ones that change nothing.
     */
    private static <T> void copy(List<T> events, ToLongFunction<T> tick, AbcTune.Span span, long shift, boolean first,
                                 TreeMap<Long, T> out, BiFunction<T, Long, T> at) {
        T inForce = null;
        for (T e : events) {
            if (tick.applyAsLong(e) <= span.from()) {
                inForce = e;
            }
        }
        if (inForce != null) {
            put(out, first ? 0 : span.from() + shift, inForce, at);
        }
        for (T e : events) {
            long t = tick.applyAsLong(e);
            if (t > span.from() && t < span.to()) {
                put(out, t + shift, e, at);
            }
        }
    }

    /** Puts the event at {@code tick} unless it restates the one already in force (compared with ticks set to 0). */
    private static <T> void put(TreeMap<Long, T> out, long tick, T event, BiFunction<T, Long, T> at) {
        Map.Entry<Long, T> last = out.lastEntry();
        if (last == null || !at.apply(last.getValue(), 0L).equals(at.apply(event, 0L))) {
            out.put(tick, at.apply(event, tick));
        }
    }
}
