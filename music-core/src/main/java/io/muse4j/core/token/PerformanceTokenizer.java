package io.muse4j.core.token;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.transform.Voices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Expressive performances as MIDI-like events in wall-clock time: the encoding of Performance RNN
 * (Oore, Simon, Dieleman, Eck and Simonyan, "This Time with Feeling: Learning Expressive Musical Performance",
 * 2018), with Magenta's id order.
 *
 * <p>Id layout, with {@code S = maxShiftSteps}, {@code B = velocityBins} and a step of {@code u = 1000 /
 * stepsPerSecond} ms (the default S = 100, B = 32, u = 10 gives 388 ids):
 * <pre>
 *   0 .. 127                   NOTE_ON_p       pitch p = id starts (ending a note of that pitch that sounds)
 *   128 .. 255                 NOTE_OFF_p      pitch p = id - 128 stops
 *   256 .. 255+S               TIME_SHIFT_tMS  time moves on k = id - 255 steps: t = k * u ms (10..1000 ms)
 *   256+S .. 255+S+B           VELOCITY_b      later note-ons get velocity bin b = id - 255 - S (1..32)
 * </pre>
 *
 * <p>{@link #encode} writes events in time order; at one time note-offs come first, then note-ons, each by
 * pitch, a VELOCITY going before a note-on whose bin differs from the last one written (so before the first
 * note-on always). Gaps longer than S steps take several shifts; nothing follows the last note-off.
 *
 * <p>{@link #normalize} applies the sustain pedal ({@link Voices#applySustain}), drops drums, rounds onsets
 * and offsets to the nearest step of wall-clock time (exactly, see {@link StepClock}), keeps at least one step
 * per note, and bins velocities ({@link VelocityBins}). A pitch sounds once at a time: a new onset of a
 * sounding pitch ends the earlier note there, and notes of one pitch starting on the same step become one that
 * lasts as long as the longest and takes the highest velocity bin. The result is written at
 * {@value #RESOLUTION} ticks per quarter and 120 quarters per minute, so one tick is one millisecond; every note
 * is plain (program, channel and track 0), and there are no meters, keys, control changes or metadata.
 *
 * <p>{@link #decode} accepts any sequence of valid ids, as models generate them, and returns a normalized
 * score: a NOTE_OFF of a pitch that is not sounding is ignored; a NOTE_ON of a sounding pitch ends that note;
 * notes still sounding at the end stop at the final time; a note that would last no time lasts one step; a
 * NOTE_ON before any VELOCITY takes the bin of velocity {@value #DEFAULT_VELOCITY} (the MIDI default). Only ids
 * outside the vocabulary are rejected.
 */
public final class PerformanceTokenizer implements Tokenizer {
    /** Ticks per quarter of normalized and decoded scores; at their fixed tempo a tick is one millisecond. */
    public static final int RESOLUTION = 500;
    /** The fixed tempo of normalized and decoded scores, 120 quarters per minute. */
    public static final int MICROS_PER_QUARTER = 500_000;
    /** The velocity whose bin a NOTE_ON takes when no VELOCITY came before it. */
    public static final int DEFAULT_VELOCITY = 64;

    private static final int NOTE_OFF = 128;
    private static final int TIME_SHIFT = 256;

    private final PerformanceConfig config;
    private final VelocityBins bins;
    private final int velocityOffset;
    private final Vocabulary vocabulary;

    /** A note on the step grid: {@code end} is exclusive, {@code bin} the velocity bin. */
    private record StepNote(int pitch, long start, long end, int bin) {
    }

    /** A tokenizer with the given settings. */
    public PerformanceTokenizer(PerformanceConfig config) {
        this.config = config;
        this.bins = new VelocityBins(config.velocityBins());
        this.velocityOffset = TIME_SHIFT + config.maxShiftSteps();
        this.vocabulary = new Vocabulary(names(config));
    }

    /** A tokenizer with Magenta's settings, {@link PerformanceConfig#DEFAULT}. */
    public PerformanceTokenizer() {
        this(PerformanceConfig.DEFAULT);
    }

    private static List<String> names(PerformanceConfig config) {
        List<String> names = new ArrayList<>(config.vocabularySize());
        for (int p = 0; p < 128; p++) {
            names.add("NOTE_ON_" + p);
        }
        for (int p = 0; p < 128; p++) {
            names.add("NOTE_OFF_" + p);
        }
        for (int k = 1; k <= config.maxShiftSteps(); k++) {
            names.add("TIME_SHIFT_" + k * config.millisPerStep() + "MS");
        }
        for (int b = 1; b <= config.velocityBins(); b++) {
            names.add("VELOCITY_" + b);
        }
        return names;
    }

    /** The settings of this tokenizer. */
    public PerformanceConfig config() {
        return config;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public NoteSequence normalize(NoteSequence seq) {
        return toSequence(stepNotes(seq));
    }

    /** The canonical notes of a score on the step grid, in the order of {@link #canonical}. */
    private List<StepNote> stepNotes(NoteSequence seq) {
        NoteSequence held = Voices.applySustain(seq);
        StepClock clock = new StepClock(held, 1_000_000L / config.stepsPerSecond());
        List<StepNote> notes = new ArrayList<>(held.notes().size());
        for (Note note : held.notes()) {
            if (!note.drum()) {
                notes.add(new StepNote(note.pitch(), clock.step(note.startTick()), clock.step(note.endTick()),
                        bins.bin(note.velocity())));
            }
        }
        return canonical(notes);
    }

    /**
     * Notes sorted by pitch and onset, each at least one step long, one per pitch and onset step (the longest,
     * with the highest bin), each cut at the next onset of its pitch.
     */
    private static List<StepNote> canonical(List<StepNote> notes) {
        List<StepNote> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingInt(StepNote::pitch).thenComparingLong(StepNote::start));
        List<StepNote> out = new ArrayList<>(sorted.size());
        for (StepNote n : sorted) {
            StepNote note = new StepNote(n.pitch(), n.start(), Math.max(n.end(), n.start() + 1), n.bin());
            StepNote last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.pitch() == note.pitch()) {
                if (last.start() == note.start()) {
                    out.set(out.size() - 1, new StepNote(note.pitch(), note.start(),
                            Math.max(last.end(), note.end()), Math.max(last.bin(), note.bin())));
                    continue;
                }
                if (last.end() > note.start()) {
                    out.set(out.size() - 1, new StepNote(last.pitch(), last.start(), note.start(), last.bin()));
                }
            }
            out.add(note);
        }
        return out;
    }

    private NoteSequence toSequence(List<StepNote> stepNotes) {
        long tick = config.millisPerStep();
        List<Note> notes = new ArrayList<>(stepNotes.size());
        for (StepNote n : stepNotes) {
            notes.add(Note.of(n.pitch(), bins.velocity(n.bin()), n.start() * tick, (n.end() - n.start()) * tick));
        }
        return NoteSequence.builder(RESOLUTION).tempo(new TempoChange(0, MICROS_PER_QUARTER)).notes(notes).build();
    }

    @Override
    public int[] encode(NoteSequence seq) {
        List<long[]> events = new ArrayList<>();
        for (StepNote n : stepNotes(seq)) {
            // {time, 0 = off / 1 = on, pitch, bin}: sorting puts offs before ons at one time
            events.add(new long[] {n.end(), 0, n.pitch(), n.bin()});
            events.add(new long[] {n.start(), 1, n.pitch(), n.bin()});
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1])
                .thenComparingLong(e -> e[2]));
        IntStream.Builder out = IntStream.builder();
        long now = 0;
        int bin = 0;
        for (long[] e : events) {
            while (now < e[0]) {
                int steps = (int) Math.min(e[0] - now, config.maxShiftSteps());
                out.add(TIME_SHIFT - 1 + steps);
                now += steps;
            }
            if (e[1] == 0) {
                out.add(NOTE_OFF + (int) e[2]);
                continue;
            }
            if (e[3] != bin) {
                bin = (int) e[3];
                out.add(velocityOffset + bin - 1);
            }
            out.add((int) e[2]);
        }
        return out.build().toArray();
    }

    @Override
    public NoteSequence decode(int[] tokens) {
        List<StepNote> notes = new ArrayList<>();
        long[] onset = new long[128];
        int[] onsetBin = new int[128];
        Arrays.fill(onset, -1);
        long now = 0;
        int bin = bins.bin(DEFAULT_VELOCITY);
        for (int i = 0; i < tokens.length; i++) {
            int id = tokens[i];
            if (id < 0 || id >= vocabulary.size()) {
                throw new IllegalArgumentException("token id " + id + " at position " + i + " outside 0.."
                        + (vocabulary.size() - 1));
            }
            if (id < NOTE_OFF) {
                close(notes, onset, onsetBin, id, now);
                onset[id] = now;
                onsetBin[id] = bin;
            } else if (id < TIME_SHIFT) {
                close(notes, onset, onsetBin, id - NOTE_OFF, now);
            } else if (id < velocityOffset) {
                now += id - TIME_SHIFT + 1;
            } else {
                bin = id - velocityOffset + 1;
            }
        }
        for (int pitch = 0; pitch < 128; pitch++) {
            close(notes, onset, onsetBin, pitch, now);
        }
        return toSequence(canonical(notes));
    }

    /** The sum of the time shifts, so a trailing silence counts. */
    @Override
    public double seconds(int[] tokens) {
        long steps = 0;
        for (int id : tokens) {
            if (id >= TIME_SHIFT && id < velocityOffset) {
                steps += id - TIME_SHIFT + 1;
            }
        }
        return steps * config.millisPerStep() / 1000.0;
    }

    /** Ends the note of {@code pitch} at {@code now} if one sounds; {@link #canonical} lengthens an empty one. */
    private static void close(List<StepNote> notes, long[] onset, int[] onsetBin, int pitch, long now) {
        if (onset[pitch] >= 0) {
            notes.add(new StepNote(pitch, onset[pitch], now, onsetBin[pitch]));
            onset[pitch] = -1;
        }
    }
}
