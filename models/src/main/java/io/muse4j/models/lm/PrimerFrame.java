package io.muse4j.models.lm;

import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.core.token.EncodingSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.function.ToLongFunction;

/**
 * Puts a primed piece back in its primer's frame (issue 21): tokenizers decode on a fixed frame, so without this
 * a 160 bpm jig in 6/8 came back at 120 bpm in 4/4. How depends on how the encoding keeps time:
 * <ul>
 *   <li>melody and piano roll count grid steps of a quarter note, so the primer's tempo map, meters and keys move
 *       onto the decoded ticks by the ratio of the resolutions, and the continuation plays at the primer's
 *       tempo;</li>
 *   <li>performance counts seconds, so each note's decoded time in seconds becomes a tick of the primer's tempo
 *       map, at the primer's resolution, under the primer's meters and keys;</li>
 *   <li>remi spells tempo and meter in its tokens (those the model wrote are kept); only the keys are carried;</li>
 *   <li>abc spells the primer's first meter and key in its tokens, and its tempo to the nearest 10 bpm: the
 *       primer's tempo map is carried (a pickup may shift the music by its lead-in, which a tempo at the start
 *       does not mind).</li>
 * </ul>
 */
public final class PrimerFrame {
    private PrimerFrame() {
    }

    /** The decoded music in the primer's tempo map, meters and key signatures. */
    public static NoteSequence carry(NoteSequence decoded, NoteSequence primer, EncodingSpec encoding) {
        if (encoding instanceof EncodingSpec.Performance) {
            return bySeconds(decoded, primer);
        }
        double scale = (double) decoded.resolution() / primer.resolution();
        LongUnaryOperator map = tick -> Math.round(tick * scale);
        List<KeySignature> keys = moved(primer.keySignatures(), KeySignature::tick,
                k -> new KeySignature(map.applyAsLong(k.tick()), k.sharps(), k.minor()));
        if (encoding instanceof EncodingSpec.Remi) {
            return new NoteSequence(decoded.resolution(), decoded.notes(), decoded.tempos(), decoded.timeSignatures(),
                    keys, decoded.controlChanges(), decoded.metadata(), decoded.chords());
        }
        List<TempoChange> tempos = new ArrayList<>(moved(primer.tempos(), TempoChange::tick,
                t -> new TempoChange(map.applyAsLong(t.tick()), t.microsPerQuarter())));
        if (tempos.isEmpty() || tempos.get(0).tick() != 0) { // decoded music states its tempo, as before
            tempos.add(0, new TempoChange(0, TempoChange.DEFAULT_MICROS_PER_QUARTER));
        }
        if (encoding instanceof EncodingSpec.Abc) { // its meter and key are tokens (from the primer's), its tempo rounded
            return new NoteSequence(decoded.resolution(), decoded.notes(), tempos, decoded.timeSignatures(),
                    decoded.keySignatures(), decoded.controlChanges(), decoded.metadata(), decoded.chords());
        }
        List<TimeSignature> meters = moved(primer.timeSignatures(), TimeSignature::tick,
                t -> new TimeSignature(map.applyAsLong(t.tick()), t.numerator(), t.denominator()));
        return new NoteSequence(decoded.resolution(), decoded.notes(), tempos, meters, keys,
                decoded.controlChanges(), decoded.metadata(), decoded.chords());
    }

    /** Notes timed in seconds by the decoded tempo map, retimed in ticks of the primer's. */
    private static NoteSequence bySeconds(NoteSequence decoded, NoteSequence primer) {
        LongUnaryOperator map = tick -> primer.tempoMap().tick(decoded.tempoMap().seconds(tick));
        List<Note> notes = new ArrayList<>();
        for (Note note : decoded.notes()) {
            long start = map.applyAsLong(note.startTick());
            long end = Math.max(start + 1, map.applyAsLong(note.endTick()));
            notes.add(note.withTiming(start, end - start));
        }
        return new NoteSequence(primer.resolution(), notes, primer.tempos(), primer.timeSignatures(),
                primer.keySignatures(), List.of(), decoded.metadata(), List.of());
    }

    /** The events moved, keeping the later where two land on one tick. */
    private static <T> List<T> moved(List<T> events, ToLongFunction<T> tick, java.util.function.UnaryOperator<T> move) {
        List<T> out = new ArrayList<>();
        for (T event : events) {
            T m = move.apply(event);
            if (!out.isEmpty() && tick.applyAsLong(out.get(out.size() - 1)) == tick.applyAsLong(m)) {
                out.set(out.size() - 1, m);
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
