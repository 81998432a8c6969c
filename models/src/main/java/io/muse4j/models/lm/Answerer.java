package io.muse4j.models.lm;

import io.muse4j.models.sampling.Durations;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TempoMap;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.core.token.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Answers a musical phrase with a token model (call and response, as in Magenta's AI Duet): the phrase, encoded,
 * primes the model, and what it samples next is the answer. The call is quantised by the model's own encoding.
 * A melody model knows neither tempo nor loudness, so its answer takes the call's tempo and median velocity.
 */
public final class Answerer {
    /** Samplings tried before an answer of rests only is given up for silence. */
    private static final int ATTEMPTS = 4;
    private final TokenGenerator generator;
    private final Tokenizer tokenizer;
    private final IntFunction<Sampler> samplers;

    /**
     * @param samplers the sampler for each turn of a session (seeded by the turn, so that sessions repeat)
     */
    public Answerer(TokenModel model, Tokenizer tokenizer, IntFunction<Sampler> samplers) {
        this.generator = new TokenGenerator(model);
        this.tokenizer = tokenizer;
        this.samplers = samplers;
    }

    /**
     * The answer to {@code call}, lasting at most {@code seconds}: its tick 0 is where the call ends. A sampling
     * that draws only rests is drawn again, a few times. Empty when none of the call's notes fits the model's
     * encoding (a melody model's range, say).
     */
    public NoteSequence answer(NoteSequence call, double seconds, int turn) {
        int[] primer = tokenizer.primer(tokenizer.encode(call));
        if (primer.length == 0 || seconds <= 0) {
            return call.withNotes(List.of());
        }
        Sampler sampler = samplers.apply(turn);
        NoteSequence answer = call.withNotes(List.of());
        for (int attempt = 0; attempt < ATTEMPTS && answer.notes().isEmpty(); attempt++) {
            answer = sample(call, primer, seconds, sampler); // a retry draws on from where the last one stopped
        }
        return answer;
    }

    private NoteSequence sample(NoteSequence call, int[] primer, double seconds, Sampler sampler) {
        double primed = tokenizer.seconds(primer);
        // the encoding's clock may run at another tempo than the call's (a melody grid): generate for as long in it
        double stretch = call.durationSeconds() > 0 ? Math.max(1, primed / call.durationSeconds()) : 1;
        int[] tokens = generator.beamSearch(primer, Durations.tokenBudget(seconds * stretch), 1, sampler,
                Durations.lasting(tokenizer, primer, seconds * stretch));
        NoteSequence whole = tokenizer.decode(tokens);
        long from = whole.tempoMap().tick(primed);
        if (tokenizer instanceof MelodyTokenizer) {
            int callTempo = call.tempoMap().microsPerQuarterAt(0);
            whole = withVelocity(whole, medianVelocity(call)).toBuilder().clearTempos()
                    .tempo(new TempoChange(0, callTempo)).build();
        }
        return after(whole, from, seconds);
    }

    /** The notes starting from tick {@code from} for {@code seconds}, moved to start there at tick 0. */
    private static NoteSequence after(NoteSequence whole, long from, double seconds) {
        TempoMap tempo = whole.tempoMap();
        long until = tempo.tick(tempo.seconds(from) + seconds);
        List<Note> notes = new ArrayList<>();
        for (Note note : whole.notes()) {
            if (note.startTick() >= from && note.startTick() < until) {
                long end = Math.min(note.endTick(), until);
                notes.add(note.withTiming(note.startTick() - from, end - note.startTick()));
            }
        }
        return NoteSequence.builder(whole.resolution()).tempo(new TempoChange(0, tempo.microsPerQuarterAt(from)))
                .notes(notes).build();
    }

    private static NoteSequence withVelocity(NoteSequence score, int velocity) {
        List<Note> notes = new ArrayList<>();
        for (Note note : score.notes()) {
            notes.add(note.withVelocity(velocity));
        }
        return score.withNotes(notes);
    }

    private static int medianVelocity(NoteSequence call) {
        int[] velocities = call.notes().stream().mapToInt(Note::velocity).sorted().toArray();
        return velocities.length == 0 ? 100 : velocities[velocities.length / 2];
    }
}
