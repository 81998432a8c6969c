package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Draws of 0 and 1 from probabilities, seeded: one {@link Random#nextDouble} per value in row-major order. */
public final class Bernoulli {
    private Bernoulli() {
    }

    /** 1 where a uniform draw falls below the probability, else 0, in the probabilities' shape and type. */
    public static INDArray draw(INDArray probabilities, Random random) {
        double[] p = probabilities.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] drawn = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            drawn[i] = random.nextDouble() < p[i] ? 1 : 0;
        }
        return Nd4j.create(drawn, probabilities.shape(), 'c').castTo(probabilities.dataType());
    }

    /**
     * The log-odds of each column's share of ones in the data rows, smoothed as if every column had been seen 1 and 0
     * once more: an RBM's visible biases fitted to the data alone (Hinton's practical guide, 2010), and the base
     * model of {@code Ais}.
     */
    public static double[] logOdds(INDArray data) {
        return logOdds(data.castTo(DataType.DOUBLE).sum(0).toDoubleVector(), data.rows());
    }

    /** {@link #logOdds(INDArray)} from each column's count of ones in {@code rows} rows. */
    public static double[] logOdds(double[] on, long rows) {
        double[] biases = new double[on.length];
        for (int i = 0; i < on.length; i++) {
            double p = (on[i] + 1) / (rows + 2);
            biases[i] = Math.log(p / (1 - p));
        }
        return biases;
    }
}
