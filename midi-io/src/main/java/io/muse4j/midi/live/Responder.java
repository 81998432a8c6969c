package io.muse4j.midi.live;

import io.muse4j.core.score.NoteSequence;

/** What answers a call: a model, in muse4j; anything at all, in tests. */
@FunctionalInterface
public interface Responder {
    /**
     * The answer to a call.
     *
     * @param call the call, its tick 0 at its first note, at the session's tempo
     * @param seconds how long the answer should last
     * @param turn the call's number in the session, from 0 (a seed for the answer, so that sessions repeat)
     * @return the answer, its time 0 at the moment it may start; leading silence is skipped
     */
    NoteSequence respond(NoteSequence call, double seconds, int turn) throws Exception;
}
