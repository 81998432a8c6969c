package io.muse4j.core.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A classifier two-sample test (Lopez-Paz and Oquab 2017): how well a logistic regression on standardized
 * statistic vectors tells the pieces of one set from those of another, as held-out accuracy under stratified
 * k-fold cross-validation. The larger set is cut (seeded) to the size of the smaller, so 0.5 means the sets are
 * indistinguishable by these statistics and 1.0 that they are told apart every time.
 */
public final class TwoSampleClassifier {
    private static final int ITERATIONS = 300;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-3;

    private TwoSampleClassifier() {
    }

    /**
     * The cross-validated accuracy of telling rows of {@code first} from rows of {@code second} (one row a piece,
     * all of one length), with {@code folds} folds, or fewer where a set has fewer rows.
     */
    public static double accuracy(double[][] first, double[][] second, int folds, long seed) {
        int each = Math.min(first.length, second.length);
        if (each < 2 || folds < 2) {
            throw new IllegalArgumentException("a two-sample test needs at least 2 pieces a set and 2 folds, not "
                    + first.length + " and " + second.length + " pieces and " + folds + " folds");
        }
        Random random = new Random(seed);
        List<double[]> a = sample(first, each, random);
        List<double[]> b = sample(second, each, random);
        int k = Math.min(folds, each);
        int correct = 0;
        for (int fold = 0; fold < k; fold++) {
            List<double[]> train = new ArrayList<>();
            List<double[]> test = new ArrayList<>();
            List<Boolean> trainLabels = new ArrayList<>();
            List<Boolean> testLabels = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                boolean held = i % k == fold;
                (held ? test : train).add(a.get(i));
                (held ? testLabels : trainLabels).add(false);
                (held ? test : train).add(b.get(i));
                (held ? testLabels : trainLabels).add(true);
            }
            LogisticRegression model = LogisticRegression.fit(train, trainLabels, ITERATIONS, LEARNING_RATE, L2);
            for (int i = 0; i < test.size(); i++) {
                correct += model.predict(test.get(i)) == testLabels.get(i) ? 1 : 0;
            }
        }
        return (double) correct / (2 * each);
    }

    private static List<double[]> sample(double[][] rows, int count, Random random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, rows.length).boxed().toList());
        Collections.shuffle(order, random);
        return order.subList(0, count).stream().map(i -> rows[i]).toList();
    }
}
