package org.medsign.credential;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** A mobile signing certificate as the signing capability checks it: whose, in which status now, and the X.509. */
public record SignerCertificate(String serial, String owner, CertificateStatus status, X509Certificate x509,
                                Instant revokedAt) {
}
