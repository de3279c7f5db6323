package org.medsign.signing.pending;

/** One line of the pending list as the app gets it, with the canonical bytes (base64) to sign when asked for. */
public record PendingItem(PendingView record, String canonical) {
}
