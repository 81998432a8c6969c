package io.muse4j.core.stats;

import java.util.List;

/**
 * Binary logistic regression on features standardized by the training rows' means and deviations, fitted by
 * full-batch gradient descent from zero weights with an L2 penalty, so a fit is deterministic.
 */
final class LogisticRegression {
    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private double bias;

    private LogisticRegression(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
        this.weights = new double[mean.length];
    }

    /** Fits a model that predicts {@code labels} from {@code rows}. */
    static LogisticRegression fit(List<double[]> rows, List<Boolean> labels, int iterations, double rate, double l2) {
        int d = rows.get(0).length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / rows.size();
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.size();
            }
        }
        for (int j = 0; j < d; j++) {
            // a statistic constant over the training rows carries no information; keep it from dividing by 0
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        LogisticRegression model = new LogisticRegression(mean, scale);
        for (int it = 0; it < iterations; it++) {
            model.step(rows, labels, rate, l2);
        }
        return model;
    }

    private void step(List<double[]> rows, List<Boolean> labels, double rate, double l2) {
        double[] gradient = new double[weights.length];
        double biasGradient = 0;
        for (int i = 0; i < rows.size(); i++) {
            double[] x = standardized(rows.get(i));
            double error = probability(x) - (labels.get(i) ? 1 : 0);
            for (int j = 0; j < x.length; j++) {
                gradient[j] += error * x[j] / rows.size();
            }
            biasGradient += error / rows.size();
        }
        for (int j = 0; j < weights.length; j++) {
            weights[j] -= rate * (gradient[j] + l2 * weights[j]);
        }
        bias -= rate * biasGradient;
    }

    /** Whether the row is more likely of the positive class. */
    boolean predict(double[] row) {
        return probability(standardized(row)) > 0.5;
    }

    private double probability(double[] x) {
        double z = bias;
        for (int j = 0; j < x.length; j++) {
            z += weights[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private double[] standardized(double[] row) {
        double[] x = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            // clipped, so one extreme statistic of a held-out piece cannot swamp the rest
            x[j] = Math.max(-10, Math.min(10, (row[j] - mean[j]) / scale[j]));
        }
        return x;
    }
}
