package org.medsign.signing.pending;

/** A pending record to read before signing: its line, the signed text, and the same as base64 bytes. */
public record RecordToRead(PendingView record, String text, String canonical) {
}
