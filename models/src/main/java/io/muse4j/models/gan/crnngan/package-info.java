/** C-RNN-GAN (Mogren 2016): LSTM generator and bidirectional LSTM discriminator over note features. */
package io.muse4j.models.gan.crnngan;
