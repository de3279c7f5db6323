package org.medsign.credential;

/** Fired (CDI event) when a certificate is revoked; after the revocation commits, a new CRL is published. */
public record CertificateRevoked(String serial, RevocationReason reason) {
}
