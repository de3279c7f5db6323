package org.medsign.card;

import org.medsign.card.validation.CardCertificates;
import org.medsign.card.validation.CardIdentity;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** A card assertion read into certificates and bytes, not yet checked; names the card for the audit trail. */
public record ParsedAssertion(String challengeId, byte[] signature, String algorithm, List<X509Certificate> chain) {

    private static final int MAX_SIGNATURE_BYTES = 1024;

    public static ParsedAssertion of(CardAssertion assertion) {
        if (assertion == null) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "assertion");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(assertion.signature() == null ? "" : assertion.signature());
        } catch (IllegalArgumentException e) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "signature");
        }
        if (signature.length == 0 || signature.length > MAX_SIGNATURE_BYTES) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "signature");
        }
        try {
            return new ParsedAssertion(assertion.challengeId(), signature, assertion.algorithm(),
                    CardCertificates.chain(assertion.certificateChain()));
        } catch (CertificateException e) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "certificate");
        }
    }

    public X509Certificate card() {
        return chain.get(0);
    }

    /** "card 1f… of <CA name>, SHA-256 ab…": no personal data. */
    public String auditDetail() {
        return "card " + CardIdentity.serialHex(card()) + " of " + CardIdentity.issuerName(card()) + ", SHA-256 "
                + CardIdentity.fingerprint(card());
    }

    @Override
    public String toString() {
        return "assertion for challenge " + challengeId;
    }
}
