package org.medsign.cardagent.backend;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signature made by the card.
 *
 * @param signature the signature bytes (ECDSA as DER, as the JCA produces it)
 * @param algorithm the JCA name: SHA256withRSA or SHA256withECDSA
 * @param chain     the card certificate first, then whatever issuers the card holds
 */
public record SignResult(byte[] signature, String algorithm, List<X509Certificate> chain) {
    public SignResult {
        signature = signature.clone();
        chain = List.copyOf(chain);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
