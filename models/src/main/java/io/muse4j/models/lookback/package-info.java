/** Lookback RNN (Magenta): a melody LSTM that sees the events one and two bars back and may label a step a repeat. */
package io.muse4j.models.lookback;
