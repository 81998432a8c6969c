/** The machinery GANs share: the two sides, their turns, settings, monitoring and generation. */
package io.muse4j.models.gan;
