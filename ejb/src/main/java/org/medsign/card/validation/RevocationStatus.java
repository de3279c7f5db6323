package org.medsign.card.validation;

/** A certificate's revocation status as a current CRL of its issuer tells it. */
public enum RevocationStatus {
    GOOD, REVOKED, UNKNOWN
}
