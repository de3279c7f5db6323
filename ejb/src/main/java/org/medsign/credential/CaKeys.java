package org.medsign.credential;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The CA's keys and certificates: the root (certificate only; its key stays offline), the issuing
 * "Mobile Signing CA", the delegated OCSP responder and the timestamping authority (TSA). {@code signer}
 * is the provider that signs with these keys: Bouncy Castle for software keys, SunPKCS11 for an HSM.
 */
public record CaKeys(X509Certificate root, PrivateKey issuingKey, X509Certificate issuing,
                     PrivateKey ocspKey, X509Certificate ocsp, PrivateKey tsaKey, X509Certificate tsa,
                     Provider signer) {

    /** The chain a relying party needs above an end-entity certificate: issuing CA, then root. */
    public List<X509Certificate> chain() {
        return List.of(issuing, root);
    }

    /** The public half a verifier needs: no private keys. */
    public record Public(X509Certificate root, X509Certificate issuing, X509Certificate tsa) {
    }
}
