/** MidiNet (Yang et al. 2017): convolutional, chord-conditioned bars of melody. */
package io.muse4j.models.gan.midinet;
