/** C-RBM: a convolutional RBM over piano rolls that generates under an imposed form and key (Lattner et al. 2016). */
package io.muse4j.models.crbm;
