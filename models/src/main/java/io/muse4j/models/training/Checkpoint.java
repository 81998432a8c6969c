package io.muse4j.models.training;

import io.muse4j.models.file.ChecksummedZip;
import io.muse4j.models.file.ModelFileException;
import io.muse4j.models.file.NamedArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A trainer's whole state in one checksummed file: weights, Adam's moments, the best weights so far, and the
 * counters (step, optimiser steps, best validation loss, validations without improvement).
 */
public final class Checkpoint {
    static final String WHAT = "muse4j training checkpoint";

    /** The counters of a run; {@code optimizerSteps} holds each player's count of Adam steps. */
    record Counters(long step, long[] optimizerSteps, double bestValidationLoss, int validationsWithoutGain,
                    boolean hasBest) {
    }

    private Checkpoint() {
    }

    /** The checkpoint of a model file: {@code MODEL.ckpt} beside it. */
    public static Path beside(Path model) {
        return model.resolveSibling(model.getFileName() + ".ckpt");
    }

    static void save(Path file, Counters counters, Map<String, INDArray> weights, Map<String, INDArray> optimizer,
                     Map<String, INDArray> best) throws IOException {
        Properties props = new Properties();
        props.setProperty("step", Long.toString(counters.step()));
        props.setProperty("optimizerSteps", java.util.Arrays.stream(counters.optimizerSteps())
                .mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(",")));
        props.setProperty("bestValidationLoss", Double.toString(counters.bestValidationLoss()));
        props.setProperty("validationsWithoutGain", Integer.toString(counters.validationsWithoutGain()));
        props.setProperty("hasBest", Boolean.toString(counters.hasBest()));
        java.io.StringWriter text = new java.io.StringWriter();
        props.store(text, WHAT);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        weights.forEach((name, w) -> arrays.put("w/" + name, w));
        arrays.putAll(optimizer);
        best.forEach((name, w) -> arrays.put("best/" + name, w));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("trainer.properties", text.toString().getBytes(StandardCharsets.UTF_8));
        entries.put("arrays.bin", NamedArrays.write(arrays));
        ChecksummedZip.write(file, entries);
    }

    /** Restores the arrays in place and returns the counters. */
    static Counters restore(Path file, Map<String, INDArray> weights, Map<String, INDArray> optimizer,
                            Map<String, INDArray> best) throws IOException {
        Map<String, byte[]> entries = ChecksummedZip.read(file, WHAT, "trainer.properties", "arrays.bin");
        Properties props = new Properties();
        props.load(new java.io.StringReader(new String(entries.get("trainer.properties"), StandardCharsets.UTF_8)));
        Map<String, INDArray> targets = new LinkedHashMap<>();
        weights.forEach((name, w) -> targets.put("w/" + name, w));
        targets.putAll(optimizer);
        best.forEach((name, w) -> targets.put("best/" + name, w));
        NamedArrays.assign(targets, NamedArrays.read(entries.get("arrays.bin"), file.toString()), file.toString());
        try {
            return new Counters(Long.parseLong(props.getProperty("step")),
                    java.util.Arrays.stream(props.getProperty("optimizerSteps").split(","))
                            .mapToLong(Long::parseLong).toArray(),
                    Double.parseDouble(props.getProperty("bestValidationLoss")),
                    Integer.parseInt(props.getProperty("validationsWithoutGain")),
                    Boolean.parseBoolean(props.getProperty("hasBest")));
        } catch (NumberFormatException | NullPointerException e) {
            throw new ModelFileException(file.toString(), "damaged trainer counters: " + e.getMessage());
        }
    }

}
