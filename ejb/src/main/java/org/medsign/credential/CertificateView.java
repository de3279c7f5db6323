package org.medsign.credential;

import java.io.Serializable;
import java.time.Instant;

/** A certificate as 憑證清單 and IT show it. */
public record CertificateView(String serial, String owner, String deviceId, CertificateStatus status, String subject,
                              String keyDescription, Instant notBefore, Instant notAfter, Instant issuedAt,
                              Instant downloadedAt, Instant revokedAt, RevocationReason revocationReason)
        implements Serializable {
}
