package io.muse4j.models.gan;

import io.muse4j.models.file.StoredModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** A GAN as a model file holds it: its weights are the generator's and then the discriminator's, two players'. */
public interface GanModel extends StoredModel {
    /** The generator's weights, live. */
    Map<String, INDArray> generatorWeights();

    /** The discriminator's weights, live. */
    Map<String, INDArray> discriminatorWeights();

    @Override
    default Map<String, INDArray> weights() {
        Map<String, INDArray> weights = generatorWeights();
        weights.putAll(discriminatorWeights());
        return weights;
    }
}
