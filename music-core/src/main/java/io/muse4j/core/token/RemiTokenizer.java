package io.muse4j.core.token;

import io.muse4j.core.score.BarGrid;
import io.muse4j.core.score.Metadata;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.core.transform.Voices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Scores as REMI events, bar by bar on a metrical grid: the encoding of the Pop Music Transformer (Huang and
 * Yang, "Pop Music Transformer: Beat-based Modeling and Generation of Expressive Pop Piano Compositions", 2020),
 * with a TIME_SIG token for meters and one TEMPO token per tempo bin in place of the paper's class and value.
 *
 * <p>Id layout for {@link RemiConfig#DEFAULT} (4 steps per quarter, 32 tempo bins, 32 velocity bins, durations
 * up to 64 steps: 449 ids). Other settings keep the order; the ranges move.
 * <pre>
 *   0           BAR            a new bar starts
 *   1 .. 64     TIME_SIG_n/d   the meter from this bar on: n = 1..16, d = 2, 4, 8, 16, by d then n
 *                              (4/4 is 20); a meter whose bar is not a whole number of steps has none
 *   65 .. 192   POSITION_k     grid step k of the bar, 0..127 (the longest bar, 16/2, has 128 steps)
 *   193 .. 224  TEMPO_k        the tempo from here on is bin k = 0..31: 40 * (250/40)^(k/31) quarters per
 *                              minute, as whole microseconds per quarter (120 per minute falls in bin 19)
 *   225 .. 352  PITCH_p        a note of pitch p = 0..127 starts at the current position
 *   353 .. 384  VELOCITY_b     the note's velocity bin b = 1..32, see {@link VelocityBins}
 *   385 .. 448  DURATION_s     the note lasts s = 1..64 steps
 * </pre>
 *
 * <p>Grammar: {@code BAR TIME_SIG? (POSITION TEMPO? (PITCH VELOCITY DURATION)*)*}, repeated, where a sequence
 * opens with {@code BAR TIME_SIG POSITION_0 TEMPO} (the initial meter and tempo), TIME_SIG comes only right
 * after BAR, TEMPO only right after POSITION, and positions rise within a bar and stay inside it.
 * {@link #encode} writes every bar up to the one holding the last onset, empty ones included; a TIME_SIG where
 * the meter changes; a position only where something happens; a TEMPO where the tempo bin changes; and the
 * notes at a position by pitch, then duration, then velocity.
 *
 * <p>{@link #normalize} drops drums; rounds onsets to the nearest step; makes each duration the distance between
 * the rounded onset and offset, cut to 1..maxDurationSteps and then at the next later onset of its pitch (all
 * tracks are one stream, and a MIDI file could not keep two overlapping notes of one pitch apart, see
 * {@link Voices#cutAtRestrikes}); bins velocities; rounds tempo changes to the grid,
 * bins them (the last at a step wins) and drops those that keep the bin; replaces a meter without a TIME_SIG
 * by 4/4, lets each meter change take effect at the next bar line of the grid ({@link BarGrid}) and drops those
 * that repeat the meter; and drops tempo and meter changes after the bar of the last onset, which would only
 * add empty bars. The tempo at tick 0 and the meter of bar 0 are always written. The result is at the
 * configured resolution, with plain notes (program, channel and track 0) and no keys, control changes or
 * metadata.
 *
 * <p>{@link #decode} checks the grammar, failing with the token, its index and the rule it breaks, and returns
 * a normalized score: a TIME_SIG or TEMPO that changes nothing, or anything after the last onset's bar, has no
 * effect. There is no lenient mode; a caller sampling a model can cut a sequence at the index an error names.
 */
public final class RemiTokenizer implements Tokenizer {
    private final RemiConfig config;
    private final RemiLayout layout;
    private final VelocityBins velocityBins;
    private final TempoBins tempoBins;

    /** A tokenizer with the given settings. */
    public RemiTokenizer(RemiConfig config) {
        this.config = config;
        this.layout = new RemiLayout(config);
        this.velocityBins = new VelocityBins(config.velocityBins());
        this.tempoBins = new TempoBins(config.tempoBins(), config.minBpm(), config.maxBpm());
    }

    /** A tokenizer with {@link RemiConfig#DEFAULT}. */
    public RemiTokenizer() {
        this(RemiConfig.DEFAULT);
    }

    /** The settings of this tokenizer. */
    public RemiConfig config() {
        return config;
    }

    @Override
    public Vocabulary vocabulary() {
        return layout.vocabulary;
    }

    @Override
    public NoteSequence normalize(NoteSequence seq) {
        List<Note> notes = gridNotes(seq);
        BarGrid grid = meterFrame(seq).bars();
        long[] starts = grid.starts(lastOnset(notes));
        long last = starts[starts.length - 1];
        NoteSequenceBuilder out = NoteSequence.builder(config.resolution()).notes(notes);
        TimeSignature previous = null;
        for (long start : starts) {
            TimeSignature meter = grid.meterAtBar(start);
            if (previous == null || meter.numerator() != previous.numerator()
                    || meter.denominator() != previous.denominator()) {
                out.timeSignature(start, meter.numerator(), meter.denominator());
            }
            previous = meter;
        }
        for (TempoChange tempo : gridTempos(seq, last + grid.barLength(previous))) {
            out.tempo(tempo);
        }
        return out.build();
    }

    /** The step nearest to {@code tick} of a sequence at {@code resolution}, halves rounding up. */
    private long step(long tick, int resolution) {
        return Math.addExact(Math.multiplyExact(tick, config.stepsPerQuarter()), resolution / 2) / resolution;
    }

    /**
     * Pitched notes on the grid at the output resolution, with binned velocities and bounded durations, none
     * overlapping a later onset of its pitch.
     */
    private List<Note> gridNotes(NoteSequence seq) {
        long tick = config.ticksPerStep();
        List<Note> notes = new ArrayList<>(seq.notes().size());
        for (Note note : seq.notes()) {
            if (!note.drum()) {
                long start = step(note.startTick(), seq.resolution());
                long steps = step(note.endTick(), seq.resolution()) - start;
                steps = Math.max(1, Math.min(steps, config.maxDurationSteps()));
                notes.add(Note.of(note.pitch(), velocityBins.quantize(note.velocity()), start * tick, steps * tick));
            }
        }
        return Voices.cutAtRestrikes(notes);
    }

    private static long lastOnset(List<Note> notes) {
        long last = 0;
        for (Note note : notes) {
            last = Math.max(last, note.startTick());
        }
        return last;
    }

    /**
     * An empty sequence at the output resolution holding the input's meter changes rounded to the grid (the last
     * at a tick wins), those without a TIME_SIG as 4/4, so that its {@link BarGrid} places the bar lines.
     */
    private NoteSequence meterFrame(NoteSequence seq) {
        Map<Long, TimeSignature> byTick = new TreeMap<>();
        for (TimeSignature ts : seq.timeSignatures()) {
            long tick = step(ts.tick(), seq.resolution()) * config.ticksPerStep();
            boolean held = layout.meterId(ts.numerator(), ts.denominator()) >= 0;
            byTick.put(tick, held ? new TimeSignature(tick, ts.numerator(), ts.denominator())
                    : new TimeSignature(tick, 4, 4));
        }
        return new NoteSequence(config.resolution(), List.of(), List.of(), List.copyOf(byTick.values()), List.of(),
                List.of(), Metadata.EMPTY);
    }

    /** The tempo at tick 0 and the changes before {@code end}, on the grid and binned, each changing the bin. */
    private List<TempoChange> gridTempos(NoteSequence seq, long end) {
        Map<Long, Integer> byTick = new TreeMap<>();
        byTick.put(0L, tempoBins.bin(seq.tempoMap().microsPerQuarterAt(0)));
        for (TempoChange tempo : seq.tempos()) {
            long tick = step(tempo.tick(), seq.resolution()) * config.ticksPerStep();
            if (tick < end) {
                byTick.put(tick, tempoBins.bin(tempo.microsPerQuarter()));
            }
        }
        List<TempoChange> tempos = new ArrayList<>();
        int previous = -1;
        for (Map.Entry<Long, Integer> e : byTick.entrySet()) {
            if (e.getValue() != previous) {
                tempos.add(new TempoChange(e.getKey(), tempoBins.micros(e.getValue())));
                previous = e.getValue();
            }
        }
        return tempos;
    }

    @Override
    public int[] encode(NoteSequence seq) {
        NoteSequence score = normalize(seq);
        BarGrid grid = score.bars();
        long[] starts = grid.starts(lastOnset(score.notes()));
        Writer writer = new Writer(score);
        for (int b = 0; b < starts.length; b++) {
            long end = b + 1 < starts.length ? starts[b + 1] : starts[b] + grid.barLength(grid.meterAtBar(starts[b]));
            writer.bar(starts[b], end);
        }
        return writer.out.build().toArray();
    }

    /** Writes the bars of a normalized score in order, keeping its place in the notes, tempos and meters. */
    private final class Writer {
        private final IntStream.Builder out = IntStream.builder();
        private final List<Note> notes;
        private final List<TempoChange> tempos;
        private final List<TimeSignature> meters;
        private int note;
        private int tempo;
        private int meter;

        Writer(NoteSequence score) {
            notes = score.notes();
            tempos = score.tempos();
            meters = score.timeSignatures();
        }

        /** Writes the bar {@code [start, end)}: BAR, its meter if it changes, then each position in use. */
        void bar(long start, long end) {
            out.add(RemiLayout.BAR);
            if (meter < meters.size() && meters.get(meter).tick() == start) {
                TimeSignature ts = meters.get(meter++);
                out.add(layout.meterId(ts.numerator(), ts.denominator()));
            }
            while (true) {
                long tick = Math.min(note < notes.size() ? notes.get(note).startTick() : Long.MAX_VALUE,
                        tempo < tempos.size() ? tempos.get(tempo).tick() : Long.MAX_VALUE);
                if (tick >= end) {
                    return;
                }
                out.add(layout.position + (int) ((tick - start) / config.ticksPerStep()));
                if (tempo < tempos.size() && tempos.get(tempo).tick() == tick) {
                    out.add(layout.tempo + tempoBins.bin(tempos.get(tempo++).microsPerQuarter()));
                }
                for (; note < notes.size() && notes.get(note).startTick() == tick; note++) {
                    Note n = notes.get(note);
                    out.add(layout.pitch + n.pitch());
                    out.add(layout.velocity + velocityBins.bin(n.velocity()) - 1);
                    out.add(layout.duration + (int) (n.durationTicks() / config.ticksPerStep()) - 1);
                }
            }
        }
    }

    @Override
    public NoteSequence decode(int[] tokens) {
        return normalize(new RemiParser(config, layout, velocityBins, tempoBins, tokens).parse());
    }
}
