/** Generators on ND4J SameDiff and their model files; the Trainer and sampling are to come. */
package io.muse4j.models;
