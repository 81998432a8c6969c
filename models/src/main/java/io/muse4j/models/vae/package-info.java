/** MusicVAE: encoder, flat or hierarchical decoder, latent space and attribute vectors. */
package io.muse4j.models.vae;
