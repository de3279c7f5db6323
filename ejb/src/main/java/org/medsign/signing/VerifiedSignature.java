package org.medsign.signing;

import org.bouncycastle.cms.SignerInformation;

import java.time.Instant;

/** One item that passed verification: whose, for which record version, by which certificate, when signed. */
public record VerifiedSignature(long recordId, int version, String signer, String certificateSerial, String digestHex,
                         Instant signingTime, SignerInformation signerInfo, byte[] cms) {
}
