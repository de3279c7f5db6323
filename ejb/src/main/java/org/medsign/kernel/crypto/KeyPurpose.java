package org.medsign.kernel.crypto;

/**
 * What a key is for. Callers name the purpose, never a key: the ring decides which key serves it. Each purpose that
 * has its own alias has its own key, so the audit seal never signs with the CA's key.
 */
public enum KeyPurpose {

    /** The root CA certifying the issuing CA: held only while a development hierarchy is made; offline in production. */
    CERTIFY_CA(Token.CA, "root"),
    /** The root signing its CRL of the CAs it certified (the same key as {@link #CERTIFY_CA}). */
    SIGN_ROOT_CRL(Token.CA, "root"),
    /** The Mobile Signing CA issuing staff, OCSP, TSA, audit seal and institution certificates. */
    ISSUE_CERTIFICATE(Token.CA, "issuing"),
    /** The Mobile Signing CA signing its CRL (the same key as issuance, as RFC 5280 expects of a direct CRL). */
    SIGN_CRL(Token.CA, "issuing"),
    /**
     * A new issuing CA key during a rollover: it signs only its certification request until the root's certificate
     * for it is imported, then it serves {@link #ISSUE_CERTIFICATE} and the key before it retires.
     */
    PENDING_CA(Token.CA, "issuing-pending"),
    /** The delegated OCSP responder. */
    SIGN_OCSP(Token.CA, "ocsp"),
    /** The time-stamping authority (RFC 3161 tokens, CAdES-T). */
    TIMESTAMP(Token.CA, "tsa"),
    /** The audit log's checkpoints. */
    AUDIT_SEAL(Token.CA, "audit-seal"),
    /** 機構代簽: the hospital's institution certificate, in its own key store (the first key entry, whatever its alias). */
    INSTITUTION_SIGNATURE(Token.INSTITUTION, null);

    enum Token { CA, INSTITUTION }

    private final Token token;
    private final String alias;

    KeyPurpose(Token token, String alias) {
        this.token = token;
        this.alias = alias;
    }

    Token token() {
        return token;
    }

    /** The alias in its key store; {@code null}: the store's first key entry. */
    String alias() {
        return alias;
    }
}
