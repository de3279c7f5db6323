package org.medsign.cardagent.protocol;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** Certificates as PEM text, the form browsers and {@code openssl} read. */
final class Pem {
    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    static String certificate(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + MIME.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate from the card cannot be encoded", e);
        }
    }

    static List<String> chain(List<X509Certificate> chain) {
        return chain.stream().map(Pem::certificate).toList();
    }
}
