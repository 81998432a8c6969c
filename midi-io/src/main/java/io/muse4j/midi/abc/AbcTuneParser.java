package io.muse4j.midi.abc;

import io.muse4j.core.score.ChordChange;
import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.midi.abc.AbcLexer.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;

/**
 * Reads the fields and music lines of one tune, in the written order, into notes, chord symbols, bar lines and
 * tempo, meter and key changes at exact ticks. Problems raise {@link AbcSyntaxError}; {@link AbcReader} adds where.
 */
final class AbcTuneParser {
    /** A note while the tune is read: its timing may still change (broken rhythm) and a tie may join it to the next. */
    static final class Pending {
        final int pitch;
        long start;
        long duration;
        boolean tied;

        Pending(int pitch, long start, long duration) {
            this.pitch = pitch;
            this.start = start;
            this.duration = duration;
        }
    }

    private final int resolution;
    private int[] meter;
    private int[] unit;
    private AbcKey key = AbcKey.C_MAJOR;
    private long tick;
    private final Map<Integer, Integer> barAccidentals = new HashMap<>();
    final List<Pending> notes = new ArrayList<>();
    final List<ChordChange> chords = new ArrayList<>();
    final List<AbcBarLine> barLines = new ArrayList<>();
    final TreeMap<Long, TimeSignature> meters = new TreeMap<>();
    final TreeMap<Long, KeySignature> keys = new TreeMap<>();
    final TreeMap<Long, TempoChange> tempos = new TreeMap<>();
    private final Set<String> voices = new LinkedHashSet<>();
    final List<AbcParts.Start> parts = new ArrayList<>();
    /** The part order of the header (P: or Y:), or null. */
    String partOrder;

    private int tupletLeft;
    private long tupletNum = 1;
    private long tupletDen = 1;
    private long brokenNum = 1;
    private long brokenDen = 1;
    private List<Pending> lastGroup;
    private long lastGroupStart;
    private long lastGroupDuration;
    private List<Pending> chordNotes;
    private long chordStart;
    private int groupsSinceBar;
    private boolean pickupChecked;
    /** The tick of the first bar line, until music after it shows the bar before it was a pickup; else -1. */
    private long pickupBar = -1;
    /** The silent ticks before a pickup (see {@link #alignPickup}), 0 where the tune starts on a bar line. */
    long leadIn;

    AbcTuneParser(int resolution) {
        this.resolution = resolution;
        meters.put(0L, new TimeSignature(0, 4, 4));
        meter = new int[] {4, 4};
    }

    /**
     * A field (header or body, or inline {@code [K:..]}) at the current tick; fields other than K M L Q V and P (a
     * part's label, in the body) are ignored.
     */
    void field(char name, String value) {
        switch (name) {
            case 'K' -> {
                key = AbcKey.parse(value);
                keys.put(tick, new KeySignature(tick, key.sharps(), key.minor()));
                barAccidentals.clear();
            }
            case 'M' -> {
                meter = AbcFields.meter(value);
                if (meter == null) {
                    meters.remove(tick);
                } else {
                    meters.put(tick, new TimeSignature(tick, meter[0], meter[1]));
                }
            }
            case 'L' -> unit = AbcFields.unitLength(value);
            case 'Q' -> tempos.put(tick, TempoChange.ofBpm(tick, AbcFields.quartersPerMinute(value)));
            case 'P' -> {
                String label = value.strip();
                if (!label.isEmpty() && Character.isLetter(label.charAt(0))) {
                    parts.add(new AbcParts.Start(label.charAt(0), tick, barLines.size()));
                }
            }
            case 'V' -> {
                voices.add(value.strip().split("\\s+")[0]);
                if (voices.size() > 1) {
                    throw new AbcSyntaxError("multiple voices (V: " + String.join(", ", voices)
                            + ") are not supported; only single-voice tunes can be read");
                }
            }
            default -> {
                // T: P: W: w: N: and the rest say nothing about the notes
            }
        }
    }

    /** Fixes the unit note length where no L: gave one: 1/16 for meters below 3/4, else 1/8. */
    void endHeader() {
        if (unit == null) {
            unit = meter != null && meter[0] * 4 < 3 * meter[1] ? new int[] {1, 16} : new int[] {1, 8};
        }
    }

    /** Reads one music line. */
    void line(String text) {
        for (Token token : AbcLexer.tokens(text)) {
            token(token);
        }
    }

    private void token(Token token) {
        Matcher m = AbcLexer.parts(token);
        if (pickupBar >= 0 && token.type().ordinal() <= AbcLexer.Type.MEASURE_REST.ordinal()
                || pickupBar >= 0 && token.type() == AbcLexer.Type.CHORD_OPEN) {
            alignPickup();
            pickupBar = -1;
        }
        switch (token.type()) {
            case NOTE -> note(m);
            case REST -> group(List.of(), duration(m.group(1), tick));
            case MEASURE_REST -> measureRest(m.group(1));
            case BAR -> bar(m.group(1), m.group(2));
            case ENDING -> ending(m.group(1));
            case CHORD_SYMBOL -> chordSymbol(m.group(1).strip());
            case TUPLET -> tuplet(m);
            case BROKEN -> broken(token.text());
            case TIE -> tie();
            case CHORD_OPEN -> {
                if (chordNotes != null) {
                    throw new AbcSyntaxError("a chord opens at column " + token.column() + " inside another chord");
                }
                chordNotes = new ArrayList<>();
                chordStart = tick;
            }
            case CHORD_CLOSE -> closeChord(m.group(1), token.column());
            case FIELD -> field(m.group(1).charAt(0), m.group(1).substring(2));
        }
    }

    private void note(Matcher m) {
        int letter = AbcKey.LETTERS.indexOf(Character.toUpperCase(m.group(2).charAt(0)));
        int octave = Character.isLowerCase(m.group(2).charAt(0)) ? 1 : 0;
        for (char mark : m.group(3).toCharArray()) {
            octave += mark == '\'' ? 1 : -1;
        }
        int slot = letter * 100 + octave;
        if (m.group(1) != null) {
            String acc = m.group(1);
            barAccidentals.put(slot, acc.equals("=") ? 0 : (acc.charAt(0) == '^' ? 1 : -1) * acc.length());
        }
        int alteration = barAccidentals.getOrDefault(slot, key.alterations()[letter]);
        int pitch = 60 + 12 * octave + AbcKey.LETTER_CLASSES[letter] + alteration;
        if (pitch < 0 || pitch > 127) {
            throw new AbcSyntaxError("note '" + m.group() + "' is pitch " + pitch + ", outside 0..127");
        }
        long start = chordNotes != null ? chordStart : tick;
        Pending note = new Pending(pitch, start, duration(m.group(4), start));
        notes.add(note);
        if (chordNotes != null) {
            chordNotes.add(note);
        } else {
            group(List.of(note), note.duration);
        }
    }

    /** Ends a note, rest or chord of {@code duration} ticks starting at the current tick. */
    private void group(List<Pending> members, long duration) {
        lastGroup = members;
        lastGroupStart = tick;
        lastGroupDuration = duration;
        tick += duration;
        groupsSinceBar++;
        brokenNum = 1;
        brokenDen = 1;
        if (tupletLeft > 0 && --tupletLeft == 0) {
            tupletNum = 1;
            tupletDen = 1;
        }
    }

    private void closeChord(String length, int column) {
        if (chordNotes == null || chordNotes.isEmpty()) {
            throw new AbcSyntaxError("']' at column " + column + " closes no chord");
        }
        long[] factor = AbcLength.parse(length);
        for (Pending note : chordNotes) {
            note.duration = exact(note.duration * factor[0], factor[1], "chord length " + length);
        }
        List<Pending> members = chordNotes;
        chordNotes = null;
        group(members, members.get(0).duration);
    }

    private void measureRest(String count) {
        if (meter == null) {
            throw new AbcSyntaxError("a whole-bar rest Z needs a meter (M:)");
        }
        long bars = count.isEmpty() ? 1 : Long.parseLong(count);
        group(List.of(), exact(bars * meter[0] * 4L * resolution, meter[1], "whole-bar rest"));
    }

    /** The ticks of a length such as "3/2" in units of L:, times any tuplet and broken-rhythm factor. */
    private long duration(String length, long at) {
        long[] f = AbcLength.parse(length);
        long num = 4L * resolution * unit[0] * f[0] * tupletNum * brokenNum;
        long den = (long) unit[1] * f[1] * tupletDen * brokenDen;
        long ticks = exact(num, den, "length '" + length + "' at tick " + at);
        if (ticks < 1) {
            throw new AbcSyntaxError("length '" + length + "' at tick " + at + " is zero");
        }
        return ticks;
    }

    private long exact(long num, long den, String what) {
        if (num % den != 0) {
            long gcd = java.math.BigInteger.valueOf(num).gcd(java.math.BigInteger.valueOf(den)).longValue();
            throw new AbcSyntaxError(what + " is " + num / gcd + "/" + den / gcd + " ticks, not a whole number at "
                    + resolution + " ticks per quarter");
        }
        return num / den;
    }

    private void bar(String symbol, String endings) {
        closeOpenChord("before the bar line");
        if (!pickupChecked && tick > 0) {
            pickupChecked = true;
            pickupBar = tick;
        }
        barAccidentals.clear();
        barLines.add(new AbcBarLine(tick, barKind(symbol), AbcLength.endings(endings)));
        groupsSinceBar = 0;
    }

    /**
     * Moves a pickup (a first bar shorter than the meter's bar, followed by more music) to the end of a silent first
     * bar, so that bar lines fall on the meter's grid from tick 0, as the corpora's MIDI renderings do.
     */
    private void alignPickup() {
        long barTicks = meter == null ? -1 : new TimeSignature(0, meter[0], meter[1]).barTicks(resolution);
        if (barTicks <= pickupBar) {
            return;
        }
        long lead = barTicks - pickupBar;
        leadIn = lead;
        notes.forEach(n -> n.start += lead);
        chords.replaceAll(c -> c.atTick(c.tick() + lead));
        barLines.replaceAll(b -> b.tick() == 0 ? b : new AbcBarLine(b.tick() + lead, b.kind(), b.endings()));
        parts.replaceAll(p -> p.tick() == 0 ? p : new AbcParts.Start(p.label(), p.tick() + lead, p.barIndex()));
        shiftAfterZero(meters, lead, (t, at) -> new TimeSignature(at, t.numerator(), t.denominator()));
        shiftAfterZero(keys, lead, (k, at) -> new KeySignature(at, k.sharps(), k.minor()));
        shiftAfterZero(tempos, lead, (t, at) -> new TempoChange(at, t.microsPerQuarter()));
        lastGroupStart += lead;
        tick += lead;
    }

    private static <T> void shiftAfterZero(TreeMap<Long, T> events, long lead, BiFunction<T, Long, T> at) {
        TreeMap<Long, T> shifted = new TreeMap<>();
        events.forEach((t, e) -> shifted.put(t == 0 ? 0 : t + lead, t == 0 ? e : at.apply(e, t + lead)));
        events.clear();
        events.putAll(shifted);
    }

    static AbcBarLine.Kind barKind(String symbol) {
        boolean closes = symbol.startsWith(":");
        boolean opens = symbol.endsWith(":");
        if (closes && opens) {
            return AbcBarLine.Kind.REPEAT_BOTH;
        } else if (closes) {
            return AbcBarLine.Kind.REPEAT_END;
        } else if (opens) {
            return AbcBarLine.Kind.REPEAT_START;
        } else if (symbol.equals("[|")) {
            return AbcBarLine.Kind.START;
        } else if (symbol.endsWith("]")) {
            return AbcBarLine.Kind.FINAL;
        }
        return symbol.length() > 1 ? AbcBarLine.Kind.DOUBLE : AbcBarLine.Kind.BAR;
    }

    /** An ending such as {@code [2} belongs to the bar line just before it, or stands on a plain bar of its own. */
    private void ending(String numbers) {
        List<Integer> endings = AbcLength.endings(numbers);
        int last = barLines.size() - 1;
        if (last >= 0 && groupsSinceBar == 0 && barLines.get(last).tick() == tick) {
            AbcBarLine bar = barLines.get(last);
            barLines.set(last, new AbcBarLine(bar.tick(), bar.kind(), endings));
        } else {
            barLines.add(new AbcBarLine(tick, AbcBarLine.Kind.BAR, endings));
            groupsSinceBar = 0;
        }
    }

    /** A quoted chord symbol starting with A-G is kept; annotations (^_<>@ placement) and other text are not. */
    private void chordSymbol(String text) {
        if (!text.isEmpty() && "ABCDEFG".indexOf(text.charAt(0)) >= 0) {
            chords.add(new ChordChange(chordNotes != null ? chordStart : tick, text));
        }
    }

    private void tuplet(Matcher m) {
        int p = Integer.parseInt(m.group(1));
        if (p < 2 || p > 9) {
            throw new AbcSyntaxError("tuplet (" + p + " must have 2..9 notes");
        }
        boolean compound = meter != null && meter[0] % 3 == 0 && meter[0] > 3;
        int q = switch (p) {
            case 2, 4, 8 -> 3;
            case 3, 6 -> 2;
            default -> compound ? 3 : 2;
        };
        if (m.group(2) != null && !m.group(2).isEmpty()) {
            q = Integer.parseInt(m.group(2));
        }
        int r = m.group(3) != null && !m.group(3).isEmpty() ? Integer.parseInt(m.group(3)) : p;
        tupletNum = q;
        tupletDen = p;
        tupletLeft = r;
    }

    /** {@code >} makes the previous note 3/2 as long, the next 1/2; {@code >>} 7/4 and 1/4; {@code <} the reverse. */
    private void broken(String arrows) {
        if (lastGroup == null) {
            throw new AbcSyntaxError("broken rhythm '" + arrows + "' follows no note");
        }
        long half = 1L << arrows.length();
        long longer = 2 * half - 1;
        boolean firstLonger = arrows.charAt(0) == '>';
        long prevNum = firstLonger ? longer : 1;
        for (Pending note : lastGroup) {
            note.duration = exact(note.duration * prevNum, half, "broken rhythm '" + arrows + "'");
        }
        long newDuration = exact(lastGroupDuration * prevNum, half, "broken rhythm '" + arrows + "'");
        tick = lastGroupStart + newDuration;
        lastGroupDuration = newDuration;
        brokenNum = firstLonger ? 1 : longer;
        brokenDen = half;
    }

    private void tie() {
        if (chordNotes != null && !chordNotes.isEmpty()) {
            chordNotes.get(chordNotes.size() - 1).tied = true;
        } else if (lastGroup != null) {
            lastGroup.forEach(note -> note.tied = true);
        }
    }

    private void closeOpenChord(String where) {
        if (chordNotes != null) {
            throw new AbcSyntaxError("a chord '[' is not closed " + where);
        }
    }

    /** Checks the tune ends cleanly and joins tied notes; the written tick where the music ends. */
    long finish() {
        closeOpenChord("at the end of the tune");
        joinTies();
        return tick;
    }

    private void joinTies() {
        List<Pending> joined = new ArrayList<>();
        boolean[] absorbed = new boolean[notes.size()];
        for (int i = 0; i < notes.size(); i++) {
            if (absorbed[i]) {
                continue;
            }
            Pending note = notes.get(i);
            for (int j = i + 1; j < notes.size() && note.tied; j++) {
                Pending next = notes.get(j);
                if (!absorbed[j] && next.pitch == note.pitch && next.start == note.start + note.duration) {
                    note.duration += next.duration;
                    note.tied = next.tied;
                    absorbed[j] = true;
                } else if (next.start > note.start + note.duration) {
                    break;
                }
            }
            joined.add(note);
        }
        notes.clear();
        // the same pitch twice in a chord ([e2e2], as the Nottingham files write unisons) sounds once, the longest
        Map<Long, Pending> byStartAndPitch = new java.util.LinkedHashMap<>();
        for (Pending note : joined) {
            byStartAndPitch.merge(note.start * 128 + note.pitch, note, (a, b) -> a.duration >= b.duration ? a : b);
        }
        notes.addAll(byStartAndPitch.values());
    }
}
