package io.muse4j.core.token;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.Pickups;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.core.stats.KeyEstimate;
import io.muse4j.core.transform.Transforms;
import io.muse4j.core.transform.Voices;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Tunes as folk-rnn writes them (Sturm et al. 2016): a melody spelt bar by bar in the manner of ABC, with its meter,
 * key and tempo first, bar lines, repeat signs and first and second endings as tokens, and an end-of-tune token.
 * A model on these tokens sees the form of a tune (an AABB tune writes each part once, between repeat signs) and
 * learns where tunes end.
 *
 * <p>A tune encodes as {@code <s> M:n/d K:key Q:bpm}, then bar after bar, then {@code </s>}. A bar is an optional
 * opener ({@code |:} a repeated section starts, {@code |1} a first ending, {@code |2} a second ending), its events,
 * and a closer ({@code |}, or {@code :|} to play the section again); the last bar has no closer when it is shorter
 * than the meter's bar (the rest of the bar is the pickup). An event is a note {@code P:pitch}, a rest {@code z} or
 * a continuation {@code -} of the note before (across a bar line, or past the longest duration), followed by its
 * duration {@code D:steps}. The repeats are found in the music itself ({@link BarForm}), so MIDI tunes whose
 * repeats are written out get them as well as ABC tunes; decoding plays them out again.
 *
 * <p>With bar numbers, each bar's events follow its place in its 8-bar phrase, {@code #1} to {@code #8} ({@code #0}
 * for a pickup bar), counted in played bars from the first whole bar (a bar of a repeated section where it is first
 * played, a second ending where it is played): tunes are built of 4- and 8-bar phrases, and a model that sees where
 * it is in one can close a part or restate a phrase where tunes do. Decoding ignores them.
 *
 * <p>{@link #normalize} keeps the highest voice, snapped to the grid and folded into the pitch range, and finds
 * where the bars fall ({@link Pickups}): a tune that starts with a pickup starts with a short bar of its own (a
 * meter of the pickup's length, then the tune's), as notation programs write one; the key is the first key signature, or the estimated
 * key (Krumhansl-Schmuckler) where there is none; the tempo is the first, to the nearest 10 bpm in 40..300; a meter
 * with no token here (a denominator other than 2, 4, 8 or 16, or more than 16 beats) counts as 4/4.
 */
public final class AbcTokenizer implements Tokenizer {
    /** The start of a tune. */
    public static final int START = 0;
    /** The end of a tune. */
    public static final int END = 1;
    static final int BAR = 2;
    static final int REPEAT_START = 3;
    static final int REPEAT_END = 4;
    static final int FIRST_ENDING = 5;
    static final int SECOND_ENDING = 6;
    static final int REST = 7;
    static final int CONTINUE = 8;
    private static final List<String> FIXED = List.of("<s>", "</s>", "|", "|:", ":|", "|1", "|2", "z", "-");
    /** Bars a phrase, as bar numbers count them. */
    static final int PHRASE_BARS = 8;
    private static final int[] DENOMINATORS = {2, 4, 8, 16};
    private static final int MAX_BEATS = 16;
    private static final int MIN_BPM = 40;
    private static final int MAX_BPM = 300;
    private static final int BPM_STEP = 10;
    private static final int RESOLUTION = AbcFrame.RESOLUTION;

    private final int stepsPerQuarter;
    private final int minPitch;
    private final int maxPitch;
    private final int maxDuration;
    private final Vocabulary vocabulary;
    private final int firstPitch;
    private final int firstDuration;
    private final int firstMeter;
    private final int firstKey;
    private final int firstTempo;
    private final int firstNumber;

    /**
     * A tokenizer on a grid of {@code stepsPerQuarter} (a multiple of 4 dividing 480), for pitches {@code minPitch..maxPitch}
     * (at least an octave); the longest duration token is a whole note. With {@code barNumbers}, each bar says its
     * place in its phrase.
     */
    public AbcTokenizer(int stepsPerQuarter, int minPitch, int maxPitch, boolean barNumbers) {
        Check.range("steps per quarter", stepsPerQuarter, 4, 48);
        if (RESOLUTION % stepsPerQuarter != 0 || stepsPerQuarter % 4 != 0) {
            throw new IllegalArgumentException("steps per quarter " + stepsPerQuarter + " must be a multiple of 4 "
                    + "that divides " + RESOLUTION);
        }
        Check.range("lowest pitch", minPitch, 0, 127);
        Check.range("highest pitch", maxPitch, minPitch + 11, 127);
        this.stepsPerQuarter = stepsPerQuarter;
        this.minPitch = minPitch;
        this.maxPitch = maxPitch;
        this.maxDuration = 4 * stepsPerQuarter;
        List<String> names = new ArrayList<>(FIXED);
        firstPitch = names.size();
        for (int p = minPitch; p <= maxPitch; p++) {
            names.add("P:" + p);
        }
        firstDuration = names.size();
        for (int d = 1; d <= maxDuration; d++) {
            names.add("D:" + d);
        }
        firstMeter = names.size();
        for (int denominator : DENOMINATORS) {
            for (int beats = 1; beats <= MAX_BEATS; beats++) {
                names.add("M:" + beats + "/" + denominator);
            }
        }
        firstKey = names.size();
        for (int minor = 0; minor < 2; minor++) {
            for (int sharps = -7; sharps <= 7; sharps++) {
                names.add("K:" + new KeySignature(0, sharps, minor == 1).name().replace(" major", "maj")
                        .replace(" minor", "min"));
            }
        }
        firstTempo = names.size();
        for (int bpm = MIN_BPM; bpm <= MAX_BPM; bpm += BPM_STEP) {
            names.add("Q:" + bpm);
        }
        firstNumber = barNumbers ? names.size() : -1;
        for (int number = 0; barNumbers && number <= PHRASE_BARS; number++) {
            names.add("#" + number);
        }
        this.vocabulary = new Vocabulary(names);
    }

    /** Sixteenth triplets and sixteenths (12 steps a quarter), pitches 48..96, bar numbers. */
    public AbcTokenizer() {
        this(12, 48, 96, true);
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int[] startTokens() {
        return new int[] {START};
    }

    @Override
    public int endToken() {
        return END;
    }

    /** The encoded tune without its end, to be continued. */
    @Override
    public int[] primer(int[] encoded) {
        return encoded.length > 0 && encoded[encoded.length - 1] == END
                ? java.util.Arrays.copyOf(encoded, encoded.length - 1) : encoded;
    }

    /** The last bar's events: after its opener or bar number, before its closer and the end token. */
    @Override
    public int[] lastBarEvents(int[] tokens) {
        if (tokens.length == 0 || tokens[tokens.length - 1] != END) {
            return null;
        }
        int end = tokens.length;
        while (end > 0 && (tokens[end - 1] == END || tokens[end - 1] == BAR || tokens[end - 1] == REPEAT_END)) {
            end--;
        }
        int start = end;
        while (start > 0 && !isBarBoundary(tokens[start - 1])) {
            start--;
        }
        return start == 0 || start == end ? null : new int[] {start, end};
    }

    @Override
    public Function<int[], Material> material() {
        return tokens -> AbcRestatements.material(tokens, this);
    }

    /** Whether a token opens or closes a bar: a bar line, an opener, a bar number, or the start or tempo before one. */
    boolean isBarBoundary(int token) {
        return token >= BAR && token <= SECOND_ENDING || firstNumber >= 0 && token >= firstNumber
                || token == START || tempoOf(token) > 0;
    }

    @Override
    public NoteSequence normalize(NoteSequence seq) {
        Line line = line(seq);
        return line.frame().score(line.notes());
    }

    @Override
    public int[] encode(NoteSequence seq) {
        Line line = line(seq);
        if (line.notes().isEmpty()) {
            return new int[0];
        }
        AbcFrame frame = line.frame();
        List<Note> steps = line.notes();
        List<int[]> bars = AbcBars.contents(steps, frame.barSteps(), this);
        List<Integer> tokens = new ArrayList<>(List.of(START, meterId(frame.meter()), keyId(frame.key()),
                tempoId(frame.bpm())));
        boolean lastComplete = steps.get(steps.size() - 1).endTick() % frame.barSteps() == 0;
        List<BarForm.Bar> written = BarForm.written(bars);
        int[] numbers = BarForm.numbers(written, steps.get(0).startTick() > 0);
        for (int i = 0; i < written.size(); i++) {
            BarForm.Bar bar = written.get(i);
            switch (bar.opener()) {
                case REPEAT -> tokens.add(REPEAT_START);
                case FIRST_ENDING -> tokens.add(FIRST_ENDING);
                case SECOND_ENDING -> tokens.add(SECOND_ENDING);
                case NONE -> { }
            }
            if (firstNumber >= 0) {
                tokens.add(firstNumber + (numbers[i] == 0 ? 0 : (numbers[i] - 1) % PHRASE_BARS + 1));
            }
            for (int token : bars.get(bar.played())) {
                tokens.add(token);
            }
            if (bar.repeatEnd() || i < written.size() - 1 || lastComplete) {
                tokens.add(bar.repeatEnd() ? REPEAT_END : BAR);
            }
        }
        tokens.add(END);
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public NoteSequence decode(int[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabulary.size()) {
                throw new IllegalArgumentException("token id " + tokens[i] + " at position " + i + " outside 0.."
                        + (vocabulary.size() - 1));
            }
        }
        return AbcBars.decode(tokens, this);
    }

    /**
     * A score's frame and its melody in steps, with the silence before a pickup that puts the bars right: a score that
     * opens with a short bar of its own meter (a pickup bar, as {@link AbcFrame#score} writes one) says how long it
     * is; else it is found from the notes ({@link Pickups}).
     *
     * @param frame meter, key and tempo
     * @param notes the melody in steps, from the start of the first whole bar before it
     */
    private record Line(AbcFrame frame, List<Note> notes) {
    }

    private Line line(NoteSequence seq) {
        long pickupTicks = seq.bars().pickupEnd();
        TimeSignature meter = pickupTicks > 0 ? seq.timeSignatures().get(1) : seq.initialTimeSignature();
        AbcFrame frame = frameOf(seq, meter);
        List<Note> melody = melody(seq);
        long lead = pickupTicks > 0
                ? Math.max(0, frame.barSteps() - GridNotes.step(pickupTicks, seq.resolution(), stepsPerQuarter))
                : Pickups.leadIn(melody, frame.barSteps(), frame.beatSteps());
        List<Note> shifted = new ArrayList<>(melody.size());
        for (Note note : melody) {
            shifted.add(note.withTiming(note.startTick() + lead, note.durationTicks()));
        }
        return new Line(frame, shifted);
    }

    /** The frame of a score in a meter (4/4 where it has no token): its key (estimated without one) and tempo. */
    private AbcFrame frameOf(NoteSequence seq, TimeSignature meter) {
        if (!hasMeter(meter.numerator(), meter.denominator())) {
            meter = new TimeSignature(0, 4, 4);
        }
        KeySignature key = seq.keySignatures().isEmpty() ? estimatedKey(seq) : seq.keySignatures().get(0);
        double bpm = 60e6 / seq.tempoMap().microsPerQuarterAt(0);
        int rounded = (int) Math.max(MIN_BPM, Math.min(MAX_BPM, Math.round(bpm / BPM_STEP) * BPM_STEP));
        return new AbcFrame(stepsPerQuarter, new TimeSignature(0, meter.numerator(), meter.denominator()), key,
                rounded);
    }

    private static KeySignature estimatedKey(NoteSequence seq) {
        KeyEstimate estimate = KeyEstimate.of(seq);
        int major = estimate.minor() ? (estimate.tonic() + 3) % 12 : estimate.tonic();
        int sharps = Math.floorMod(7 * major + 5, 12) - 5; // -5..6: F# rather than Gb, Db rather than C#
        return new KeySignature(0, sharps, estimate.minor());
    }

    /** The highest voice, snapped to the grid and folded into range, in steps (one tick a step), velocities kept. */
    private List<Note> melody(NoteSequence seq) {
        List<Note> snapped = new ArrayList<>();
        for (Note note : seq.notes()) {
            if (!note.drum()) {
                long start = GridNotes.step(note.startTick(), seq.resolution(), stepsPerQuarter);
                long end = Math.max(start + 1, GridNotes.step(note.endTick(), seq.resolution(), stepsPerQuarter));
                snapped.add(Note.of(note.pitch(), note.velocity(), start, end - start));
            }
        }
        List<Note> line = new ArrayList<>();
        for (Note note : Voices.melody(NoteSequence.of(stepsPerQuarter, snapped)).notes()) {
            line.add(note.withPitch(Transforms.foldIntoRange(note.pitch(), minPitch, maxPitch)));
        }
        return line;
    }

    private static boolean hasMeter(int beats, int denominator) {
        return beats >= 1 && beats <= MAX_BEATS && java.util.Arrays.stream(DENOMINATORS).anyMatch(d -> d == denominator);
    }

    int meterId(TimeSignature meter) {
        int row = java.util.Arrays.binarySearch(DENOMINATORS, meter.denominator());
        return firstMeter + row * MAX_BEATS + meter.numerator() - 1;
    }

    /** The meter of a meter token, or null when the token is no meter. */
    TimeSignature meterOf(int id) {
        int offset = id - firstMeter;
        if (offset < 0 || offset >= DENOMINATORS.length * MAX_BEATS) {
            return null;
        }
        return new TimeSignature(0, offset % MAX_BEATS + 1, DENOMINATORS[offset / MAX_BEATS]);
    }

    int keyId(KeySignature key) {
        return firstKey + (key.minor() ? 15 : 0) + key.sharps() + 7;
    }

    /** The key of a key token, or null when the token is no key. */
    KeySignature keyOf(int id) {
        int offset = id - firstKey;
        return offset < 0 || offset >= 30 ? null : new KeySignature(0, offset % 15 - 7, offset >= 15);
    }

    int tempoId(int bpm) {
        return firstTempo + (bpm - MIN_BPM) / BPM_STEP;
    }

    /** The tempo of a tempo token in bpm, or -1 when the token is no tempo. */
    int tempoOf(int id) {
        return id >= firstTempo && (firstNumber < 0 || id < firstNumber) ? MIN_BPM + (id - firstTempo) * BPM_STEP : -1;
    }

    int pitchId(int pitch) {
        return firstPitch + pitch - minPitch;
    }

    /** The pitch of a pitch token, or -1 when the token is no pitch. */
    int pitchOf(int id) {
        return id >= firstPitch && id < firstDuration ? minPitch + id - firstPitch : -1;
    }

    int durationId(int steps) {
        return firstDuration + steps - 1;
    }

    /** The steps of a duration token, or -1 when the token is no duration. */
    int durationOf(int id) {
        return id >= firstDuration && id < firstMeter ? id - firstDuration + 1 : -1;
    }

    /** The longest duration one token holds, in steps. */
    int maxDuration() {
        return maxDuration;
    }

    int stepsPerQuarter() {
        return stepsPerQuarter;
    }

}
