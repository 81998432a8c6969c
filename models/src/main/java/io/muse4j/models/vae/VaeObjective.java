package io.muse4j.models.vae;

import io.muse4j.models.training.Schedule;
import io.muse4j.core.score.Check;

/**
 * A {@link MusicVae}'s training objective: reconstruction + beta * KL, with free bits and beta annealing (Bowman et
 * al. 2016; Kingma et al. 2016; Higgins et al. 2017 for beta), teacher forcing with optional scheduled sampling.
 *
 * @param beta the KL weight once annealed
 * @param betaWarmupSteps beta rises linearly from 0 to {@code beta} over this many steps (0: beta from the start)
 * @param freeBits the KL floor per latent dimension, in nats: a dimension whose batch-mean KL is below it costs the
 *                 floor and gets no KL gradient
 * @param samplingRate the share of decoder inputs that are the model's own samples rather than the data, once
 *                     warmed up (scheduled sampling, Bengio et al. 2015); 0 is pure teacher forcing
 * @param samplingWarmupSteps the sampling rate rises linearly from 0 over this many steps
 */
public record VaeObjective(double beta, long betaWarmupSteps, double freeBits, double samplingRate,
                           long samplingWarmupSteps) {
    public VaeObjective {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta " + beta + " must be a finite number, at least 0");
        }
        Check.atLeast("beta warmup steps", betaWarmupSteps, 0);
        if (!(freeBits >= 0) || Double.isInfinite(freeBits)) {
            throw new IllegalArgumentException("free bits " + freeBits + " must be a finite number, at least 0");
        }
        if (!(samplingRate >= 0 && samplingRate <= 1)) {
            throw new IllegalArgumentException("scheduled-sampling rate " + samplingRate + " outside 0..1");
        }
        Check.atLeast("scheduled-sampling warmup steps", samplingWarmupSteps, 0);
    }

    /** Pure teacher forcing at a constant beta, without free bits. */
    public static VaeObjective of(double beta) {
        return new VaeObjective(beta, 0, 0, 0, 0);
    }

    /** Beta by step. */
    Schedule betaSchedule() {
        return Schedule.linear(0, beta, 0, betaWarmupSteps);
    }

    /** The scheduled-sampling rate by step. */
    Schedule samplingSchedule() {
        return Schedule.linear(0, samplingRate, 0, samplingWarmupSteps);
    }
}
