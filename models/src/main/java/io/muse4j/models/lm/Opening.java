package io.muse4j.models.lm;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.core.token.Tokenizer;

import java.util.Arrays;
import java.util.List;

/**
 * How a token piece opens: with the primer's tokens, or, without a primer, with a neutral start that says no note
 * so that the first note comes from the model's own distribution (issue 21: a fixed middle C was out of scale in
 * 30% of pieces). The neutral starts, by encoding:
 * <ul>
 *   <li>melody: one NOTE_OFF (a silent step); the start and the rests sampled before the first note are dropped,
 *       so the piece starts on the model's first note;</li>
 *   <li>performance: the shortest TIME_SHIFT; it and the shifts sampled before the first NOTE_ON are dropped
 *       (VELOCITY tokens are kept);</li>
 *   <li>remi: the header of a score in 4/4 at 120 bpm (BAR TIME_SIG_4/4 POSITION_0 TEMPO_k), which holds no note
 *       and is kept, as a primer is;</li>
 *   <li>an encoding with a start token of its own (abc): that token, kept; the model then writes the meter, key
 *       and tempo too.</li>
 * </ul>
 *
 * @param start the tokens the model is primed with
 * @param neutral whether the start is a neutral one, dropped with the silence after it
 * @param encoding the model's encoding
 */
record Opening(int[] start, boolean neutral, EncodingSpec encoding) {
    /** The neutral opening of a piece without a primer in the encoding. */
    static Opening neutral(EncodingSpec encoding, Tokenizer tokenizer) {
        if (tokenizer.startTokens().length > 0) {
            return new Opening(tokenizer.startTokens(), false, encoding);
        }
        if (encoding instanceof EncodingSpec.Melody) {
            return new Opening(new int[] {MelodyTokenizer.NOTE_OFF}, true, encoding);
        }
        if (encoding instanceof EncodingSpec.Performance) {
            return new Opening(new int[] {shortestShift(tokenizer)}, true, encoding);
        }
        return new Opening(remiHeader(tokenizer), false, encoding);
    }

    /** An opening with the primer's tokens, kept in the piece. */
    static Opening primer(int[] tokens, EncodingSpec encoding) {
        return new Opening(tokens, false, encoding);
    }

    /**
     * The piece's tokens in the sampled ones: all of them after a primer; after a neutral start, from the first
     * note on (none while no note has been sampled), at most {@code limit} of them (no limit when negative).
     */
    int[] piece(int[] sampled, int limit) {
        if (!neutral) {
            return sampled;
        }
        int first = start.length;
        while (first < sampled.length && !isNoteOn(sampled[first])) {
            first++;
        }
        if (first == sampled.length) {
            return new int[0];
        }
        int[] kept = encoding instanceof EncodingSpec.Performance
                ? Arrays.stream(sampled, start.length, first).filter(id -> !isTimeShift(id)).toArray() : new int[0];
        int end = limit < 0 ? sampled.length : (int) Math.min(sampled.length, (long) first + limit - kept.length);
        int[] piece = Arrays.copyOf(kept, kept.length + end - first);
        System.arraycopy(sampled, first, piece, kept.length, end - first);
        return piece;
    }

    private boolean isNoteOn(int id) {
        return encoding instanceof EncodingSpec.Performance ? id < 128 : id > MelodyTokenizer.NOTE_OFF;
    }

    private boolean isTimeShift(int id) {
        return encoding.tokenizer().vocabulary().name(id).startsWith("TIME_SHIFT_");
    }

    private static int shortestShift(Tokenizer tokenizer) {
        return tokenizer.vocabulary().names().stream().filter(n -> n.startsWith("TIME_SHIFT_")).findFirst()
                .map(tokenizer.vocabulary()::id)
                .orElseThrow(() -> new IllegalStateException("a performance vocabulary without time shifts"));
    }

    /** The tokens of a middle C at 120 bpm in 4/4 up to its pitch: the bar, meter, position and tempo. */
    private static int[] remiHeader(Tokenizer tokenizer) {
        int[] tokens = tokenizer.encode(NoteSequence.of(480, List.of(Note.of(60, 100, 0, 480))));
        int pitch = 0;
        while (pitch < tokens.length && !tokenizer.vocabulary().name(tokens[pitch]).startsWith("PITCH_")) {
            pitch++;
        }
        return Arrays.copyOf(tokens, pitch);
    }
}
