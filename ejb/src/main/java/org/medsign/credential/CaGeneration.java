package org.medsign.credential;

import java.security.cert.X509Certificate;

/**
 * One issuing CA key's generation: 1 for the first, one more at each rollover. A retired generation keeps its key to
 * sign the CRL and the OCSP answers for the certificates it issued; {@code ocsp} is the responder it certified.
 */
public record CaGeneration(int number, X509Certificate issuing, X509Certificate ocsp) {

    /** Whether this generation's CA signed {@code certificate} (a name alone could be another generation's). */
    public boolean issued(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(issuing.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuing.getPublicKey(), org.medsign.kernel.crypto.BouncyCastle.PROVIDER);
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
