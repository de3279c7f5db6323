package org.medsign.card.validation;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A card certificate that chains to a trust anchor, is in its validity period and is not revoked (or whose
 * revocation could not be checked under the fail-open policy: {@code revocationChecked} is then false).
 * {@link #toString()} names the card by serial and issuer only: the subject holds the person's name.
 */
public record ValidatedCard(X509Certificate certificate, String fingerprint, String serialHex, String issuerName,
                            boolean revocationChecked) {

    public static ValidatedCard of(X509Certificate certificate, boolean revocationChecked) {
        return new ValidatedCard(certificate, CardIdentity.fingerprint(certificate), CardIdentity.serialHex(certificate),
                CardIdentity.issuerName(certificate), revocationChecked);
    }

    public Optional<String> nationalId() {
        return CardIdentity.nationalId(certificate);
    }

    @Override
    public String toString() {
        return "card " + serialHex + " of " + issuerName;
    }
}
