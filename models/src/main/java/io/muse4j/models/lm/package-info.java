/** Token and piano-roll language models over LSTM and transformer stacks, their sampling and call and response. */
package io.muse4j.models.lm;
