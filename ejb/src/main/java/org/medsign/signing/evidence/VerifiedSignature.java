package org.medsign.signing.evidence;

import java.time.Instant;

/**
 * One item that passed verification and got its timestamp: whose, for which record version, by which certificate,
 * when signed, the CMS with the RFC 3161 token added (CAdES-T) and the token's time.
 */
public record VerifiedSignature(long recordId, int version, String signer, String certificateSerial, String digestHex,
                                Instant signingTime, byte[] timestampedCms, Instant timestampTime, String delayReason) {
}
