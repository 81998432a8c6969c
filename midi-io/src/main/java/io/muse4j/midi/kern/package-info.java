/** Humdrum **kern scores, read into note sequences: spines, durations, ties, meters, keys and repeats. */
package io.muse4j.midi.kern;
