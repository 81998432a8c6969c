/** Anticipation-RNN: four-part chorales drawn left to right under constraints read backwards; the anticipation kind. */
package io.muse4j.models.anticipation;
