/** Layers, weight initialisers, log-softmax and the Adam optimiser, written out over ND4J arrays. */
package io.muse4j.models.nn;
