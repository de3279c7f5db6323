package org.medsign.credential;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * A mobile signing certificate as the signing capability checks it: whose, in which status now, the X.509, and the
 * revocation time validators are told (since the key's compromise when IT gave it), null while not revoked.
 */
public record SignerCertificate(String serial, String owner, CertificateStatus status, X509Certificate x509,
                                Instant revocationTime) {
}
