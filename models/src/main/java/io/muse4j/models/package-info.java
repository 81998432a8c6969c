/**
 * Models on ND4J: {@link io.muse4j.models.ModelKinds}, the registry of every model kind, over the sub-packages
 * nn (layers and the optimiser), training, file (model files), sampling, lm, vae, gan and kind.
 */
package io.muse4j.models;
