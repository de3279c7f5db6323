package org.medsign.signing.evidence;

/** How far a stored signature's evidence goes (ETSI EN 319 122-1 baseline levels). */
public enum EvidenceLevel {
    /** CAdES-T: the signature and its RFC 3161 token; verifying it needs medsign's CRL and OCSP. */
    T,
    /** CAdES-BASELINE-LT: with the certificate and revocation values of the signer's and the TSA's chains. */
    LT,
    /** CAdES-BASELINE-LTA: LT with an archive timestamp over it all, renewed before its TSA certificate expires. */
    LTA
}
