/** Samplers (temperature, top-k, top-p) and generation requests. */
package io.muse4j.models.sampling;
