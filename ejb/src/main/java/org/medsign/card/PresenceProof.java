package org.medsign.card;

import java.time.Instant;

/**
 * A finished presence ceremony (M12), as evidence for the certificate application: the card certificate (DER; it
 * names the person and carries the national ID, so it is sealed by the personal-data vault), both signed challenge texts and signatures (verifiable again with the certificate), the agent's
 * reported removal and insertion, and the times. {@link #toString()} omits the certificate and signatures.
 */
public record PresenceProof(String ceremonyId, String employeeNumber, String context, byte[] sealedCardCertificate,
                            String cardSha256, String algorithm, String firstChallenge, byte[] firstSignature,
                            String secondChallenge, byte[] secondSignature, String agentEvents, boolean revocationChecked,
                            Instant startedAt, Instant firstSignedAt, Instant provenAt) {

    @Override
    public String toString() {
        return "presence proof " + ceremonyId + " of " + employeeNumber + " with card SHA-256 " + cardSha256;
    }
}
