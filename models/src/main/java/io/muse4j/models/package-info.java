/** Generators on ND4J, the model-agnostic Trainer, sampling and model files. */
package io.muse4j.models;
