/** Model files: self-describing, checksummed archives of a model's config and weights. */
package io.muse4j.models.file;
