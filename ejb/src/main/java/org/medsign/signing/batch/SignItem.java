package org.medsign.signing.batch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * One record in a batch (M23): the HIS record id, its CMS SignedData (base64 DER, detached, over the record's
 * canonical bytes) and, for a record made more than 24 hours ago, the reason for the delay. An item without an id
 * or a signature is a malformed request; what the signature proves is decided item by item.
 */
public record SignItem(@Positive long recordId, @NotBlank String cms, String delayReason) {
}
