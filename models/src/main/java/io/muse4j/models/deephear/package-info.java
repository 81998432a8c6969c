/** DeepHear / auto-bach: a stacked autoencoder over windows of four-part chorales that generates from random codes. */
package io.muse4j.models.deephear;
