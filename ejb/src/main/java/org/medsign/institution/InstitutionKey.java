package org.medsign.institution;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The institution's signing key with its certificate and the chain above it (issuing CA first). */
public record InstitutionKey(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
}
