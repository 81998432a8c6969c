/** The ModelKind interface and what it takes and gives: settings, requests, saved models, outcomes. */
package io.muse4j.models.kind;
