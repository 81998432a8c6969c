package io.muse4j.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) over named weights, with gradients first clipped by their global norm (Pascanu et
 * al. 2013). Its state, the moment estimates and the step count, can be saved and restored exactly.
 */
public final class AdamOptimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final Map<String, INDArray> weights;
    private final Map<String, INDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, INDArray> secondMoments = new LinkedHashMap<>();
    private long steps;

    public AdamOptimizer(Map<String, INDArray> weights) {
        this.weights = weights;
        for (Map.Entry<String, INDArray> w : weights.entrySet()) {
            firstMoments.put(w.getKey(), w.getValue().ulike().assign(0));
            secondMoments.put(w.getKey(), w.getValue().ulike().assign(0));
        }
    }

    /**
     * Clips the gradients to {@code clipNorm} (0: no clipping), takes one step; returns the norm before clipping. A
     * weight missing from {@code gradients} is left as it is, and so are its moments (a layer frozen for the step).
     */
    public double step(Map<String, INDArray> gradients, double learningRate, double clipNorm) {
        double norm = globalNorm(gradients);
        double scale = clipNorm > 0 && norm > clipNorm ? clipNorm / norm : 1.0;
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        List<String> names = new ArrayList<>(weights.keySet());
        names.sort(Comparator.comparingLong((String name) -> weights.get(name).length()).reversed());
        int parts = Math.min(CpuThreads.count(), names.size());
        CpuThreads.map(parts, part -> { // the weights dealt out largest first, so that the parts are alike
            for (int i = part; i < names.size(); i += parts) {
                INDArray g = gradients.get(names.get(i));
                if (g != null) { // a weight without a gradient sits this step out, its moments as they were
                    update(names.get(i), g.mul(scale), learningRate, correction1, correction2);
                }
            }
            return null;
        });
        return norm;
    }

    private void update(String name, INDArray g, double learningRate, double correction1, double correction2) {
        INDArray m = firstMoments.get(name).muli(BETA1).addi(g.mul(1 - BETA1));
        INDArray v = secondMoments.get(name).muli(BETA2).addi(g.muli(g).muli(1 - BETA2));
        INDArray denominator = Transforms.sqrt(v.div(correction2), false).addi(EPSILON);
        weights.get(name).subi(m.div(correction1).divi(denominator).muli(learningRate));
    }

    private static double globalNorm(Map<String, INDArray> gradients) {
        double sum = 0;
        for (INDArray g : gradients.values()) {
            double n = g.norm2Number().doubleValue();
            sum += n * n;
        }
        return Math.sqrt(sum);
    }

    public long steps() {
        return steps;
    }

    /** The moments as "m/NAME" and "v/NAME" arrays (live). */
    public Map<String, INDArray> state() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        firstMoments.forEach((name, m) -> state.put("m/" + name, m));
        secondMoments.forEach((name, v) -> state.put("v/" + name, v));
        return state;
    }

    public void restoreSteps(long savedSteps) {
        steps = savedSteps;
    }
}
