package io.muse4j.models.sampling;

import io.muse4j.models.nn.Softmax;

/**
 * A part's step drawn in two stages ({@code core.token.ChoraleParts} symbols: pitches, then a rest, then a hold):
 * first onset, rest or hold by their total probabilities, then the pitch of an onset. Drawn as one softmax, the
 * single hold outweighs each pitch alone though not all of them together, so that at low temperatures (and greedy)
 * a part holds its notes for bars; drawn so, the temperature sharpens the choice between moving and holding instead.
 */
public final class OnsetFirst {
    private OnsetFirst() {
    }

    /** The symbol drawn from log-probabilities or logits over {@code pitches} pitches, a rest and a hold. */
    public static int draw(double[] logits, int pitches, Sampler sampler) {
        double onset = Softmax.logSumExp(logits, 0, pitches);
        int kind = sampler.sample(new float[] {(float) onset, (float) logits[pitches], (float) logits[pitches + 1]});
        if (kind > 0) {
            return pitches + kind - 1;
        }
        float[] pitchLogits = new float[pitches];
        for (int k = 0; k < pitches; k++) {
            pitchLogits[k] = (float) logits[k];
        }
        return sampler.sample(pitchLogits);
    }
}
