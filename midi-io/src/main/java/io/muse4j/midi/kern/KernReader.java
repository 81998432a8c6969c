package io.muse4j.midi.kern;

import io.muse4j.core.io.InputFiles;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.score.TempoChange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Humdrum **kern file into a {@link NoteSequence}: each **kern spine a track, the rightmost (the top staff)
 * first, so a four-part chorale's soprano is track 0 and its bass track 3, as the chorale models read them. Spines
 * of other kinds (**dynam, **text) are skipped.
 * <ul>
 *   <li>Durations, chords, rests and ties as {@link KernToken} reads them; tied notes become one note. Grace notes
 *       have no duration in kern and are left out.</li>
 *   <li>Meters ({@code *M3/4}), keys ({@code *k[f#]} with {@code *G:} or {@code *e:}) and tempos ({@code *MM100})
 *       where they stand; instrument names ({@code *I"Soprano}) as track names.</li>
 *   <li>Spines split ({@code *^}), merge ({@code *v}) and end ({@code *-}); a split spine's sub-spines are voices of
 *       one track. {@code *+} and {@code *x} are refused.</li>
 *   <li>Repeats: sections labelled {@code *>A} are played in the order of the file's expansion list
 *       ({@code *>[A,A,B]}) with {@link Order#PLAYED}, or once each as written with {@link Order#WRITTEN}.</li>
 * </ul>
 * Fermatas are read but not kept: a score has no place for them. The resolution is 480 ticks a quarter, or finer
 * where a tuplet needs it. Anything else it cannot read is a {@link KernException} naming the file and line.
 */
public final class KernReader {
    /** The largest file read: kern scores are text, a few kilobytes each. */
    public static final long MAX_FILE_BYTES = 16L << 20;
    /** The velocity of every note (kern has no dynamics in its **kern spines). */
    public static final int VELOCITY = 90;
    private static final long TICKS_A_WHOLE = 1920;
    private static final long MAX_TICKS_A_WHOLE = 4 * 32767;
    private static final Pattern METER = Pattern.compile("\\*M(\\d+)/(\\d+)");
    private static final Pattern KEY_SIGNATURE = Pattern.compile("\\*k\\[([a-g#n-]*)]");
    private static final Pattern KEY = Pattern.compile("\\*([A-Ga-g][#-]?):.*");
    private static final Pattern TEMPO = Pattern.compile("\\*MM(\\d+(\\.\\d+)?)");

    /** Which order repeated sections are read in. */
    public enum Order {
        /** The file's expansion list, repeats played (the file order when it has none). */
        PLAYED,
        /** Each section once, in the file's order, as the score is written. */
        WRITTEN
    }

    private KernReader() {
    }

    /** The file's score, its repeats played. */
    public static NoteSequence read(Path file) throws IOException {
        return read(file, Order.PLAYED);
    }

    /** The file's score, its sections in {@code order}. */
    public static NoteSequence read(Path file, Order order) throws IOException {
        String text = new String(InputFiles.readAllBytes(file, MAX_FILE_BYTES), StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new Line(i + 1, raw[i]));
        }
        try {
            return new Reading().read(Sections.of(lines).ordered(order));
        } catch (LineError e) {
            throw new KernException(file.toString(), e.line, e.getMessage());
        } catch (ArithmeticException e) {
            throw new KernException(file.toString(), 1, "durations too fine to add up exactly");
        }
    }

    /** A line of the file and its number. */
    record Line(int number, String text) {
        boolean isInterpretation() {
            return text.startsWith("*");
        }

        String[] tokens() {
            return text.split("\t", -1);
        }
    }

    /** A problem on a line, which {@link #read} turns into a {@link KernException}. */
    static final class LineError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        LineError(int line, String reason) {
            super(reason);
            this.line = line;
        }
    }

    /** A spine being read: its track, what of it still sounds, and its open ties by pitch. */
    private static final class Spine {
        final int track;
        final boolean kern;
        Rational end = Rational.ZERO;
        Map<Integer, Rational> openTies = new LinkedHashMap<>();

        Spine(int track, boolean kern) {
            this.track = track;
            this.kern = kern;
        }

        Spine copy() {
            Spine copy = new Spine(track, kern);
            copy.end = end;
            return copy;
        }
    }

    /** A note in whole notes, before the resolution is chosen. */
    private record Timed(int pitch, Rational start, Rational duration, int track) {
    }

    /** The state of one pass over the lines. */
    private static final class Reading {
        private final List<Spine> spines = new ArrayList<>();
        private final List<Timed> notes = new ArrayList<>();
        private final Map<Rational, List<Integer>> meters = new LinkedHashMap<>();
        private final Map<Rational, List<Integer>> tempos = new LinkedHashMap<>();
        private final Map<Rational, List<Integer>> keys = new LinkedHashMap<>();
        private final Map<Integer, String> names = new LinkedHashMap<>();
        private Rational now = Rational.ZERO;
        private int sharps;
        private boolean minor;
        private int kernSpines;
        private int headerLine = 1;

        NoteSequence read(List<Line> lines) {
            for (Line line : lines) {
                String text = line.text();
                if (text.isEmpty() || text.startsWith("!")) {
                    continue;
                }
                if (spines.isEmpty()) {
                    if (text.startsWith("**")) {
                        start(line);
                    }
                    continue;
                }
                String[] tokens = line.tokens();
                if (tokens.length != spines.size()) {
                    throw new LineError(line.number(), tokens.length + " spines where " + spines.size()
                            + " are open");
                }
                if (line.isInterpretation()) {
                    interpret(line, tokens);
                } else if (!text.startsWith("=")) {
                    data(line, tokens);
                }
            }
            if (kernSpines == 0) {
                throw new LineError(headerLine, "no **kern spine");
            }
            for (Spine spine : spines) {
                spine.openTies.forEach((pitch, from) -> notes.add(new Timed(pitch, from, spine.end.minus(from),
                        spine.track)));
            }
            return score();
        }

        private void start(Line line) {
            headerLine = line.number();
            String[] tokens = line.tokens();
            for (String token : tokens) {
                if ("**kern".equals(token)) {
                    kernSpines++;
                }
            }
            int track = kernSpines;
            for (String token : tokens) {
                boolean kern = "**kern".equals(token);
                spines.add(new Spine(kern ? --track : -1, kern));
            }
        }

        private void interpret(Line line, String[] tokens) {
            boolean manipulates = false;
            for (String token : tokens) {
                manipulates |= token.equals("*^") || token.equals("*v") || token.equals("*-") || token.equals("*+")
                        || token.equals("*x");
            }
            if (manipulates) {
                manipulate(line, tokens);
                return;
            }
            for (int i = 0; i < tokens.length; i++) {
                if (!tokens[i].startsWith("*")) {
                    throw new LineError(line.number(), "\"" + tokens[i] + "\" among interpretations");
                }
                if (spines.get(i).kern) {
                    interpret(tokens[i], spines.get(i));
                }
            }
        }

        private void interpret(String token, Spine spine) {
            Matcher m;
            if ((m = METER.matcher(token)).matches()) {
                changed(meters, List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            } else if ((m = KEY_SIGNATURE.matcher(token)).matches()) {
                String signs = m.group(1);
                sharps = (int) (signs.chars().filter(c -> c == '#').count() - signs.chars().filter(c -> c == '-')
                        .count());
                changed(keys, List.of(Math.max(-7, Math.min(7, sharps)), minor ? 1 : 0));
            } else if ((m = KEY.matcher(token)).matches()) {
                minor = Character.isLowerCase(m.group(1).charAt(0));
                changed(keys, List.of(Math.max(-7, Math.min(7, sharps)), minor ? 1 : 0));
            } else if ((m = TEMPO.matcher(token)).matches()) {
                changed(tempos, List.of((int) Math.round(60_000_000 / Math.max(1, Double.parseDouble(m.group(1))))));
            } else if (token.startsWith("*I\"") && token.length() > 3) {
                names.putIfAbsent(spine.track, token.substring(3));
            }
        }

        /**
         * Records a meter, key or tempo from now on, unless it is the one already in force (a repeated section
         * restates its signatures).
         */
        private void changed(Map<Rational, List<Integer>> changes, List<Integer> value) {
            List<Integer> last = null;
            for (List<Integer> earlier : changes.values()) {
                last = earlier;
            }
            if (!value.equals(last)) {
                changes.put(now, value);
            }
        }

        private void manipulate(Line line, String[] tokens) {
            List<Spine> next = new ArrayList<>();
            for (int i = 0; i < tokens.length; i++) {
                String token = tokens[i];
                Spine spine = spines.get(i);
                switch (token) {
                    case "*^" -> {
                        next.add(spine);
                        next.add(spine.copy());
                    }
                    case "*v" -> {
                        boolean joinsPrevious = i > 0 && tokens[i - 1].equals("*v");
                        if (joinsPrevious) {
                            Spine kept = next.get(next.size() - 1);
                            kept.end = kept.end.compareTo(spine.end) >= 0 ? kept.end : spine.end;
                            kept.openTies.putAll(spine.openTies);
                        } else {
                            next.add(spine);
                        }
                    }
                    case "*-" -> closeTies(spine);
                    case "*+", "*x" -> throw new LineError(line.number(), token + " (adding or exchanging spines) "
                            + "is not read here");
                    default -> next.add(spine);
                }
            }
            spines.clear();
            spines.addAll(next);
        }

        private void closeTies(Spine spine) {
            spine.openTies.forEach((pitch, from) -> notes.add(new Timed(pitch, from, spine.end.minus(from),
                    spine.track)));
            spine.openTies.clear();
        }

        private void data(Line line, String[] tokens) {
            for (int i = 0; i < tokens.length; i++) {
                Spine spine = spines.get(i);
                if (!spine.kern || tokens[i].equals(".")) {
                    continue;
                }
                KernToken token;
                try {
                    token = KernToken.parse(tokens[i]);
                } catch (IllegalArgumentException e) {
                    throw new LineError(line.number(), e.getMessage());
                }
                if (token.grace()) {
                    continue;
                }
                if (spine.end.compareTo(now) > 0) {
                    throw new LineError(line.number(), "\"" + tokens[i] + "\" starts in spine " + (i + 1)
                            + " before the note there ends");
                }
                Rational end = now.plus(token.duration());
                for (KernToken.Pitch pitch : token.notes()) {
                    place(line, spine, pitch, end);
                }
                spine.end = end;
            }
            Rational next = null;
            for (Spine spine : spines) {
                if (spine.kern && spine.end.compareTo(now) > 0 && (next == null || spine.end.compareTo(next) < 0)) {
                    next = spine.end;
                }
            }
            if (next != null) {
                now = next;
            }
        }

        private void place(Line line, Spine spine, KernToken.Pitch pitch, Rational end) {
            Rational open = spine.openTies.get(pitch.midi());
            switch (pitch.tie()) {
                case NONE -> notes.add(new Timed(pitch.midi(), now, end.minus(now), spine.track));
                case START -> spine.openTies.put(pitch.midi(), now);
                case MIDDLE, END -> {
                    if (open == null) {
                        throw new LineError(line.number(), "a tie to nowhere: nothing tied ends at "
                                + PitchText.of(pitch.midi()));
                    }
                    if (pitch.tie() == KernToken.Tie.END) {
                        notes.add(new Timed(pitch.midi(), open, end.minus(open), spine.track));
                        spine.openTies.remove(pitch.midi());
                    }
                }
            }
        }

        private NoteSequence score() {
            long perWhole = TICKS_A_WHOLE;
            for (Timed note : notes) {
                perWhole = lcm(lcm(perWhole, note.start().den()), note.duration().den());
            }
            boolean exact = perWhole <= MAX_TICKS_A_WHOLE;
            long ticksAWhole = exact ? perWhole : TICKS_A_WHOLE;
            NoteSequenceBuilder builder = NoteSequence.builder((int) (ticksAWhole / 4));
            for (Timed note : notes) {
                long start = ticks(note.start(), ticksAWhole);
                long duration = Math.max(1, ticks(note.duration(), ticksAWhole));
                if (note.duration().num() > 0) {
                    builder.note(new Note(note.pitch(), VELOCITY, start, duration, 0, 0, false,
                            note.track()));
                }
            }
            meters.forEach((at, meter) -> builder.timeSignature(ticks(at, ticksAWhole), meter.get(0), meter.get(1)));
            keys.forEach((at, key) -> builder.keySignature(ticks(at, ticksAWhole), key.get(0), key.get(1) == 1));
            tempos.forEach((at, micros) -> builder.tempo(new TempoChange(ticks(at, ticksAWhole), micros.get(0))));
            names.forEach((track, name) -> {
                if (track >= 0) {
                    builder.trackName(track, name);
                }
            });
            return builder.build();
        }

        private static long ticks(Rational whole, long ticksAWhole) {
            return Math.round((double) whole.num() * ticksAWhole / whole.den());
        }

        private static long lcm(long a, long b) {
            long lcm = a / Rational.gcd(a, b) * b;
            return lcm > MAX_TICKS_A_WHOLE * 64 ? MAX_TICKS_A_WHOLE * 64 : lcm;
        }
    }

    /** Pitch names for messages. */
    private static final class PitchText {
        private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

        static String of(int midi) {
            return NAMES[midi % 12] + (midi / 12 - 1);
        }
    }
}
