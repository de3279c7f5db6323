package org.medsign.credential;

import java.security.PublicKey;

/** A PKCS#10 request that passed {@link CsrCheck}: the key to certify, described, its fingerprint and the DER. */
public record CheckedCsr(PublicKey key, String keyDescription, String fingerprint, byte[] der) {
}
