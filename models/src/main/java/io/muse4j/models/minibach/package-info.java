/** mini-bach (Briot et al.): a feedforward network that harmonises a soprano in alto, tenor and bass. */
package io.muse4j.models.minibach;
