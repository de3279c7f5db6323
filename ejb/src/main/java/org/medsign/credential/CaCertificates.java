package org.medsign.credential;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The CA's certificates: the root, the issuing "Mobile Signing CA", the delegated OCSP responder and the time-stamping
 * authority. What relying parties and verifiers need; the keys stay in the kernel's key ring.
 */
public record CaCertificates(X509Certificate root, X509Certificate issuing, X509Certificate ocsp, X509Certificate tsa) {

    /** The chain a relying party needs above an end-entity certificate: issuing CA, then root. */
    public List<X509Certificate> chain() {
        return List.of(issuing, root);
    }
}
