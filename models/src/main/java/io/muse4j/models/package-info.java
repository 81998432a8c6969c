/** Generators on ND4J SameDiff, the Trainer, sampling and model files (to come). */
package io.muse4j.models;
