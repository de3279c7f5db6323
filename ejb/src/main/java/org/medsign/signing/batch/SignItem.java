package org.medsign.signing.batch;

/**
 * One record in a batch (M23): the HIS record id, its CMS SignedData (base64 DER, detached, over the record's
 * canonical bytes) and, for a record made more than 24 hours ago, the reason for the delay.
 */
public record SignItem(long recordId, String cms, String delayReason) {
}
