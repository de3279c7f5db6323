package org.medsign.credential;

import org.bouncycastle.asn1.x509.CRLReason;

/**
 * RFC 5280 revocation reasons that apply to a mobile signing certificate. {@link #CA_COMPROMISE} is medsign's own,
 * when the root revokes the CA generation that issued it; a person or IT revokes one certificate for the others.
 */
public enum RevocationReason {
    UNSPECIFIED(CRLReason.unspecified),
    KEY_COMPROMISE(CRLReason.keyCompromise),
    AFFILIATION_CHANGED(CRLReason.affiliationChanged),
    SUPERSEDED(CRLReason.superseded),
    CESSATION_OF_OPERATION(CRLReason.cessationOfOperation),
    PRIVILEGE_WITHDRAWN(CRLReason.privilegeWithdrawn),
    CA_COMPROMISE(CRLReason.cACompromise);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** What IT may give when it revokes one certificate. */
    public static java.util.List<RevocationReason> forOneCertificate() {
        return java.util.Arrays.stream(values()).filter(r -> r != CA_COMPROMISE).toList();
    }
}
