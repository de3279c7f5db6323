package org.medsign.signing.longterm;

import org.medsign.signing.evidence.SignatureEvidence;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A kind of stored signature the long-term-evidence job keeps, as a CDI bean: its entity (the job's queries name it)
 * and what only its owner knows, the certificate that made each one. The record signatures' kind lives here; the
 * institution's lives in its own package, which depends on this one and never the other way round.
 */
public interface SignatureKind {

    /** The job's name for the kind: the {@code signatures} property of its steps. */
    String name();

    Class<? extends SignatureEvidence> entity();

    /**
     * The certificate that made {@code stored}, when medsign's OCSP responder answers for it (the evidence comes from
     * there); empty leaves the signature at CAdES-T, as there is no revocation value medsign could honestly add.
     */
    Optional<X509Certificate> signer(SignatureEvidence stored);

    /**
     * Why none of this kind can go past CAdES-T now (its certificate is another CA's, whose revocation medsign does
     * not answer for), for the log and 批次作業; empty when they can.
     */
    Optional<String> held();
}
