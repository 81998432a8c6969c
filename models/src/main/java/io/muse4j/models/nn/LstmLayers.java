package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Stacked LSTM layers over whole batches, the forward and backward passes written out over ND4J arrays: per layer,
 * one matrix product projects the inputs of every step at once, one small product per step adds the recurrent
 * part, and the backward pass gathers every step's gate gradients so that each weight's gradient is again one
 * product. {@link io.muse4j.models.lm.TokenModel} and {@link io.muse4j.models.lm.PianoRollModel} share it; {@link io.muse4j.models.lm.LstmStepper} steps the same weights one
 * token at a time.
 *
 * <p>Why not SameDiff: in ND4J 1.0.0-M2.1 the fused {@code lstmLayer}'s backward pass leaks ~12 MB of native
 * memory a step, and an LSTM unrolled from plain graph ops ran at half PyTorch's speed and kept every step's
 * arrays, so that a 3x512 LSTM at 64x128 outgrew 24 GB. Written out, a pass keeps only what the backward pass
 * reads, and the products go to ND4J's BLAS as they would from a graph (so the CUDA backend still takes them).
 *
 * <p>Layouts. Inputs and outputs are time-major rows: row {@code t * B + b} is step {@code t} of sequence
 * {@code b}. Inside the loop over time each step is held transposed, (units, B), so that every gate of a step is
 * one contiguous block: element-wise ops on strided column blocks cost ND4J several times more. The gates follow
 * ND4J's lstmLayer, whose weight layout model files keep: z = xW + hR + b split as input, forget, cell and output
 * gates, no peepholes. Dropout multiplies each layer's outputs by an inverted mask drawn from a given seed, so
 * that a resumed run draws the same masks.
 *
 * <p>The arrays of a pass, and their per-step views, are made once per batch shape and reused (making an ND4J
 * view or array costs about as much as an element-wise op on it), one set per thread, so a {@link Pass} is valid
 * until the same thread's next forward pass. Threads may run passes at once over the same weights while nothing
 * writes to them.
 */
public final class LstmLayers implements SequenceStack {
    /** Each step's products are (sequences x units): fewer than this many sequences ran far below peak. */
    public static final int MIN_SHARD_SEQUENCES = 8;
    private final LstmConfig config;
    private final INDArray[] w;
    private final INDArray[] r;
    private final INDArray[] b;
    private final ThreadLocal<Buffers> buffers = new ThreadLocal<>();

    /** Layers over inputs of {@code inputSize}, with weights drawn from {@code random} as {@code type}. */
    public LstmLayers(LstmConfig config, int inputSize, Random random, DataType type) {
        this.config = config;
        int layers = config.layers();
        int h = config.hidden();
        w = new INDArray[layers];
        r = new INDArray[layers];
        b = new INDArray[layers];
        for (int layer = 0; layer < layers; layer++) {
            int in = layer == 0 ? inputSize : h;
            w[layer] = Initialisers.fanIn(random, in, 4 * h, type);
            r[layer] = Initialisers.fanIn(random, h, 4 * h, type);
            b[layer] = Nd4j.zeros(type, 4 * h);
            b[layer].get(NDArrayIndex.interval(h, 2 * h)).assign(1.0); // the forget gate starts open
        }
    }

    /** The names of the layers' weights, in a fixed order. */
    public static List<String> weightNames(int layers) {
        List<String> names = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            names.addAll(List.of("lstm" + layer + "_w", "lstm" + layer + "_r", "lstm" + layer + "_b"));
        }
        return names;
    }

    @Override
    public int minShardSequences(int steps) {
        return MIN_SHARD_SEQUENCES;
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        List<String> names = weightNames(config.layers());
        for (int layer = 0; layer < config.layers(); layer++) {
            weights.put(names.get(3 * layer), w[layer]);
            weights.put(names.get(3 * layer + 1), r[layer]);
            weights.put(names.get(3 * layer + 2), b[layer]);
        }
        return weights;
    }

    /**
     * Each layer's states at the start of every sequence, as rows (B, H): a decoder that starts from a given state
     * rather than zeros (MusicVAE's bar decoder). Also the shape of their gradients.
     */
    public record States(INDArray[] hidden, INDArray[] cells) {
        /** Zero states of {@code layers} layers for {@code batch} sequences of {@code units}. */
        public static States zeros(int layers, int batch, int units, DataType type) {
            INDArray[] hidden = new INDArray[layers];
            INDArray[] cells = new INDArray[layers];
            for (int layer = 0; layer < layers; layer++) {
                hidden[layer] = Nd4j.zeros(type, batch, units);
                cells[layer] = Nd4j.zeros(type, batch, units);
            }
            return new States(hidden, cells);
        }
    }

    /** A forward pass: its arrays, the dropout masks it drew, and {@link #top()}, the last layer's output rows. */
    public static final class Pass implements SequenceStack.Pass {
        private final Buffers buffers;
        private final INDArray[] inputs;
        private final INDArray[] masks;
        private final INDArray top;
        private final INDArray[] initialHidden; // each layer's initial hidden and cell states, transposed (H, B);
        private final INDArray[] initialCells;  // both null for zero states

        private Pass(Buffers buffers, INDArray[] inputs, INDArray[] masks, INDArray top, INDArray[] initialHidden,
                     INDArray[] initialCells) {
            this.buffers = buffers;
            this.inputs = inputs;
            this.masks = masks;
            this.top = top;
            this.initialHidden = initialHidden;
            this.initialCells = initialCells;
        }

        @Override
        public INDArray top() {
            return top;
        }
    }

    @Override
    public Pass forward(INDArray x, int batch, int steps) {
        return forward(x, batch, steps, false, 0, null);
    }

    /** The layers over {@code x} (T*B, in), without dropout, each sequence starting from the given states. */
    public Pass forward(INDArray x, int batch, int steps, States initial) {
        return forward(x, batch, steps, false, 0, initial);
    }

    @Override
    public Pass forwardWithDropout(INDArray x, int batch, int steps, long dropoutSeed) {
        return forward(x, batch, steps, config.dropout() > 0, dropoutSeed, null);
    }

    private Pass forward(INDArray x, int batch, int steps, boolean dropout, long dropoutSeed, States initial) {
        Buffers buf = buffers(batch, steps, x.dataType());
        INDArray[] inputs = new INDArray[config.layers()];
        INDArray[] masks = new INDArray[config.layers()];
        INDArray[] initialHidden = initial == null ? null : new INDArray[config.layers()];
        INDArray[] initialCells = initial == null ? null : new INDArray[config.layers()];
        SplittableRandom random = new SplittableRandom(dropoutSeed);
        INDArray in = x;
        for (int layer = 0; layer < config.layers(); layer++) {
            inputs[layer] = in;
            if (initial != null) {
                initialHidden[layer] = initial.hidden()[layer].transpose().dup('c');
                initialCells[layer] = initial.cells()[layer].transpose().dup('c');
            }
            INDArray out = initial == null ? layer(buf.layers[layer], layer, in, null, null)
                    : layer(buf.layers[layer], layer, in, initialHidden[layer], initialCells[layer]);
            if (dropout) {
                masks[layer] = dropoutMask(random, config.dropout(), out.rows(), out.columns(), out.dataType());
                out = out.mul(masks[layer]);
            }
            in = out;
        }
        return new Pass(buf, inputs, masks, in, initialHidden, initialCells);
    }

    /** An inverted dropout mask: each element 0 with probability {@code dropout}, else 1 / (1 - dropout). */
    public static INDArray dropoutMask(SplittableRandom random, double dropout, long rows, long columns,
                                       DataType type) {
        double keep = 1 - dropout;
        float[] mask = new float[Math.toIntExact(rows * columns)];
        float kept = (float) (1 / keep);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < keep ? kept : 0f;
        }
        return Nd4j.create(mask, new long[] {rows, columns}, 'c').castTo(type);
    }

    /**
     * One layer forward over its input rows from the initial states {@code h0} and {@code c0} (H, B), or from zeros
     * where they are null; returns its output rows (T*B, H), before dropout.
     */
    private INDArray layer(LayerState state, int layer, INDArray in, INDArray h0, INDArray c0) {
        Nd4j.gemm(in, w[layer], state.projected, false, false, 1.0, 0.0);
        state.projected.addiRowVector(b[layer]);
        state.gates.assign(state.projectedSteps.permute(0, 2, 1));
        for (int t = 0; t < state.steps.length; t++) {
            ForwardStep s = state.steps[t];
            if (t > 0) {
                ForwardStep previous = state.steps[t - 1];
                Nd4j.gemm(r[layer], previous.hidden, s.z, true, false, 1.0, 1.0);
            } else if (h0 != null) {
                Nd4j.gemm(r[layer], h0, s.z, true, false, 1.0, 1.0);
            }
            Transforms.sigmoid(s.inputAndForget, false);
            Transforms.tanh(s.candidate, false);
            Transforms.sigmoid(s.output, false);
            s.input.mul(s.candidate, s.cell);
            INDArray previousCell = t > 0 ? state.steps[t - 1].cell : c0;
            if (previousCell != null) {
                s.forget.mul(previousCell, state.scratch);
                s.cell.addi(state.scratch);
            }
            Nd4j.exec(new Tanh(s.cell, s.cellTanh));
            s.output.mul(s.cellTanh, s.hidden);
        }
        state.hiddenRowSteps.assign(state.hidden.permute(0, 2, 1));
        return state.hiddenRows;
    }

    @Override
    public INDArray backward(SequenceStack.Pass stackPass, INDArray dTop, Map<String, INDArray> gradients,
                             boolean inputGradient) {
        return backward((Pass) stackPass, dTop, gradients, inputGradient, null);
    }

    /**
     * {@link #backward(SequenceStack.Pass, INDArray, Map, boolean)}, also writing the gradients at the pass's initial
     * states into {@code dInitial}'s arrays (B, H) when it is given.
     */
    public INDArray backward(Pass pass, INDArray dTop, Map<String, INDArray> gradients, boolean inputGradient,
                      States dInitial) {
        if (dInitial != null && pass.initialHidden == null) {
            throw new IllegalArgumentException("gradients at initial states asked of a pass that started from zeros");
        }
        Buffers buf = pass.buffers;
        Gradients g = buf.gradients();
        List<String> names = weightNames(config.layers());
        INDArray dOut = dTop;
        for (int layer = config.layers() - 1; layer >= 0; layer--) {
            LayerState state = buf.layers[layer];
            INDArray dHiddenRows = pass.masks[layer] == null ? dOut : dOut.mul(pass.masks[layer]);
            g.dHidden.assign(dHiddenRows.reshape(buf.steps, buf.batch, config.hidden()).permute(0, 2, 1));
            gateGradients(state, layer, g, pass.initialCells == null ? null : pass.initialCells[layer]);
            g.dGateRowSteps.assign(g.dGates.permute(0, 2, 1));
            gradients.put(names.get(3 * layer), Nd4j.gemm(pass.inputs[layer], g.dGateRows, true, false));
            INDArray dr = Nd4j.zeros(dTop.dataType(), r[layer].shape());
            if (buf.steps > 1) {
                long rows = (long) (buf.steps - 1) * buf.batch;
                Nd4j.gemm(state.hiddenRows.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()),
                        g.dGateRows.get(NDArrayIndex.interval(buf.batch, buf.batch + rows), NDArrayIndex.all()),
                        dr, true, false, 1.0, 0.0);
            }
            INDArray dFirstGates = g.dGateRows.get(NDArrayIndex.interval(0, buf.batch), NDArrayIndex.all());
            if (pass.initialHidden != null) {
                Nd4j.gemm(pass.initialHidden[layer], dFirstGates, dr, false, false, 1.0, 1.0);
            }
            if (dInitial != null) {
                dInitial.hidden()[layer].assign(Nd4j.gemm(dFirstGates, r[layer], false, true));
                dInitial.cells()[layer].assign(g.dCellCarry.transpose());
            }
            gradients.put(names.get(3 * layer + 1), dr);
            gradients.put(names.get(3 * layer + 2), columnSums(g.dGateRows));
            dOut = layer > 0 || inputGradient ? Nd4j.gemm(g.dGateRows, w[layer], false, true) : null;
        }
        return dOut;
    }

    /** Time-major rows with time reversed. */
    public static INDArray timeReversed(INDArray rows, int batch, int steps) {
        INDArray out = Nd4j.create(rows.dataType(), rows.shape());
        for (int t = 0; t < steps; t++) {
            long from = (long) (steps - 1 - t) * batch;
            out.get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.all())
                    .assign(rows.get(NDArrayIndex.interval(from, from + batch), NDArrayIndex.all()));
        }
        return out;
    }

    /** The sums of a matrix's columns, as a vector: a product with ones, ten times faster here than ND4J's sum(0). */
    public static INDArray columnSums(INDArray matrix) {
        return Nd4j.gemm(Nd4j.ones(matrix.dataType(), matrix.rows(), 1), matrix, true, false).reshape(matrix.columns());
    }

    /** The means of a matrix's rows, as a column (rows, 1): a product with ones, faster here than ND4J's mean(1). */
    static INDArray rowMeans(INDArray matrix) {
        return Nd4j.gemm(matrix, Nd4j.valueArrayOf(new long[] {matrix.columns(), 1}, 1.0 / matrix.columns(),
                matrix.dataType()), false, false);
    }

    /**
     * One layer's gradients at its pre-activation gates into {@code g.dGates}, back through time from the
     * gradients at its outputs in {@code g.dHidden} (which this adds the recurrent gradients into). What does not
     * depend on the step before is computed for all steps at once. With an initial cell {@code c0} (H, B), its
     * gradient is left in {@code g.dCellCarry}.
     */
    private void gateGradients(LayerState state, int layer, Gradients g, INDArray c0) {
        INDArray input = state.gate(0);
        INDArray forget = state.gate(1);
        INDArray candidate = state.gate(2);
        INDArray output = state.gate(3);
        // dc = dh * o * (1 - tanh(c)^2) + dc' * f'
        g.cellFactor.assign(state.cellTanh).muli(state.cellTanh).rsubi(1).muli(output);
        g.outputFactor.assign(output).rsubi(1).muli(output).muli(state.cellTanh);       // dz_o = dh * this
        g.inputFactor.assign(input).rsubi(1).muli(input).muli(candidate);               // dz_i = dc * this
        g.candidateFactor.assign(candidate).muli(candidate).rsubi(1).muli(input);       // dz_g = dc * this
        g.forgetFactor.assign(forget).rsubi(1).muli(forget);                            // dz_f = dc * this * c_{t-1}
        int steps = state.steps.length;
        if (steps > 1) {
            g.forgetFactor.get(NDArrayIndex.interval(1, steps), NDArrayIndex.all(), NDArrayIndex.all())
                    .muli(state.cells.get(NDArrayIndex.interval(0, steps - 1), NDArrayIndex.all(), NDArrayIndex.all()));
        }
        INDArray firstForgetFactor = g.forgetFactor.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all());
        if (c0 == null) {
            firstForgetFactor.assign(0);
        } else {
            firstForgetFactor.muli(c0);
        }
        for (int t = steps - 1; t >= 0; t--) {
            BackwardStep s = g.steps[t];
            s.dHidden.mul(s.cellFactor, g.dCell);
            if (t < steps - 1) {
                g.dCell.addi(g.dCellCarry);
            }
            s.dHidden.mul(s.outputFactor, s.dOutput);
            g.dCell.mul(s.inputFactor, s.dInput);
            g.dCell.mul(s.forgetFactor, s.dForget);
            g.dCell.mul(s.candidateFactor, s.dCandidate);
            if (t > 0 || c0 != null) {
                g.dCell.mul(state.steps[t].forget, g.dCellCarry);
            }
            if (t > 0) {
                Nd4j.gemm(r[layer], s.dz, g.steps[t - 1].dHidden, false, false, 1.0, 1.0);
            }
        }
    }

    /** The calling thread's arrays for batches of this shape (each thread runs passes of its own). */
    private Buffers buffers(int batch, int steps, DataType type) {
        Buffers current = buffers.get();
        if (current == null || current.batch != batch || current.steps != steps || current.type != type) {
            buffers.remove(); // let the old arrays go before making new ones
            current = PassMemory.outside(() -> new Buffers(batch, steps, type));
            buffers.set(current);
        }
        return current;
    }

    /** The arrays of passes over batches of one shape. */
    private final class Buffers {
        final int batch;
        final int steps;
        final DataType type;
        final LayerState[] layers;
        private Gradients gradients;

        Buffers(int batch, int steps, DataType type) {
            this.batch = batch;
            this.steps = steps;
            this.type = type;
            layers = new LayerState[config.layers()];
            for (int layer = 0; layer < layers.length; layer++) {
                layers[layer] = new LayerState(batch, steps, config.hidden(), type);
            }
        }

        /** The backward pass's arrays, shared by the layers, made on first use. */
        Gradients gradients() {
            if (gradients == null) {
                gradients = PassMemory.outside(() -> new Gradients(batch, steps, config.hidden(), type));
            }
            return gradients;
        }
    }

    /** A layer's forward arrays: steps held transposed, (units, B). */
    private static final class LayerState {
        final INDArray projected;       // (T*B, 4H) xW + b
        final INDArray projectedSteps;  // the same as (T, B, 4H)
        final INDArray gates;           // (T, 4H, B) activated
        final INDArray cells;           // (T, H, B)
        final INDArray cellTanh;        // (T, H, B)
        final INDArray hidden;          // (T, H, B)
        final INDArray hiddenRows;      // (T*B, H)
        final INDArray hiddenRowSteps;  // the same as (T, B, H)
        final INDArray scratch;         // (H, B)
        final ForwardStep[] steps;

        LayerState(int batch, int steps, int h, DataType type) {
            projected = Nd4j.create(type, (long) steps * batch, 4L * h);
            projectedSteps = projected.reshape(steps, batch, 4L * h);
            gates = Nd4j.create(type, steps, 4L * h, batch);
            cells = Nd4j.create(type, steps, h, batch);
            cellTanh = Nd4j.create(type, steps, h, batch);
            hidden = Nd4j.create(type, steps, h, batch);
            hiddenRows = Nd4j.create(type, (long) steps * batch, h);
            hiddenRowSteps = hiddenRows.reshape(steps, batch, h);
            scratch = Nd4j.create(type, h, batch);
            this.steps = new ForwardStep[steps];
            for (int t = 0; t < steps; t++) {
                INDArray z = at(gates, t);
                this.steps[t] = new ForwardStep(z, rows(z, 0, 2 * h), rows(z, 0, h), rows(z, h, 2 * h),
                        rows(z, 2 * h, 3 * h), rows(z, 3 * h, 4 * h), at(cells, t), at(cellTanh, t), at(hidden, t));
            }
        }

        /** Gate {@code k} of every step, (T, H, B). */
        INDArray gate(int k) {
            long h = cells.size(1);
            return gates.get(NDArrayIndex.all(), NDArrayIndex.interval(k * h, (k + 1) * h), NDArrayIndex.all());
        }
    }

    /** Views of one step's forward arrays. */
    private record ForwardStep(INDArray z, INDArray inputAndForget, INDArray input, INDArray forget,
                               INDArray candidate, INDArray output, INDArray cell, INDArray cellTanh,
                               INDArray hidden) {
    }

    /** The backward pass's arrays for one layer at a time. */
    private static final class Gradients {
        final INDArray dHidden;         // (T, H, B) at the outputs, recurrent part added step by step
        final INDArray dGates;          // (T, 4H, B) at the pre-activation gates
        final INDArray dGateRows;       // (T*B, 4H)
        final INDArray dGateRowSteps;   // the same as (T, B, 4H)
        final INDArray cellFactor;      // (T, H, B) each
        final INDArray outputFactor;
        final INDArray inputFactor;
        final INDArray candidateFactor;
        final INDArray forgetFactor;
        final INDArray dCell;           // (H, B)
        final INDArray dCellCarry;      // (H, B): the next step's dc * f
        final BackwardStep[] steps;

        Gradients(int batch, int steps, int h, DataType type) {
            dHidden = Nd4j.create(type, steps, h, batch);
            dGates = Nd4j.create(type, steps, 4L * h, batch);
            dGateRows = Nd4j.create(type, (long) steps * batch, 4L * h);
            dGateRowSteps = dGateRows.reshape(steps, batch, 4L * h);
            cellFactor = Nd4j.create(type, steps, h, batch);
            outputFactor = Nd4j.create(type, steps, h, batch);
            inputFactor = Nd4j.create(type, steps, h, batch);
            candidateFactor = Nd4j.create(type, steps, h, batch);
            forgetFactor = Nd4j.create(type, steps, h, batch);
            dCell = Nd4j.create(type, h, batch);
            dCellCarry = Nd4j.create(type, h, batch);
            this.steps = new BackwardStep[steps];
            for (int t = 0; t < steps; t++) {
                INDArray dz = at(dGates, t);
                this.steps[t] = new BackwardStep(at(dHidden, t), dz, rows(dz, 0, h), rows(dz, h, 2 * h),
                        rows(dz, 2 * h, 3 * h), rows(dz, 3 * h, 4 * h), at(cellFactor, t), at(outputFactor, t),
                        at(inputFactor, t), at(candidateFactor, t), at(forgetFactor, t));
            }
        }
    }

    /** Views of one step's backward arrays. */
    private record BackwardStep(INDArray dHidden, INDArray dz, INDArray dInput, INDArray dForget,
                                INDArray dCandidate, INDArray dOutput, INDArray cellFactor, INDArray outputFactor,
                                INDArray inputFactor, INDArray candidateFactor, INDArray forgetFactor) {
    }

    /** Step {@code t} of a (T, rows, B) array: a contiguous (rows, B) view. */
    private static INDArray at(INDArray steps, int t) {
        return steps.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** Rows [from, to) of a (rows, B) step: a contiguous view. */
    private static INDArray rows(INDArray step, long from, long to) {
        return step.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }
}
