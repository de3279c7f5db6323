package org.medsign.institution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.medsign.credential.CertificateAuthority;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;
import org.medsign.signing.evidence.SignatureEvidence;
import org.medsign.signing.longterm.SignatureKind;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The institution's signatures for the long-term-evidence job. With the development institution certificate (medsign's
 * CA issued it) the job takes them to LTA like the staff's: medsign's responder answers for it. A hospital's own
 * certificate from the Ministry's HCA is held at CAdES-T: its revocation is the HCA's to state, and medsign will not
 * put an answer of its own in its place. A signature made with an earlier development certificate (the key made anew)
 * stays at CAdES-T too, as the responder answers for the current one only.
 */
@ApplicationScoped
public class InstitutionSignatureKind implements SignatureKind {

    public static final String NAME = "institution";

    @Inject
    CertificateAuthority ca;

    @Inject
    KeyRing ring;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<? extends SignatureEvidence> entity() {
        return InstitutionSignature.class;
    }

    @Override
    public Optional<X509Certificate> signer(SignatureEvidence stored) {
        return ca.institutionCertificate().filter(c -> c.getSerialNumber().toString(16).equals(stored.certificateSerial()));
    }

    @Override
    public Optional<String> held() {
        if (ca.institutionCertificate().isPresent() || !ring.has(KeyPurpose.INSTITUTION_SIGNATURE)) {
            return Optional.empty();
        }
        X509Certificate own = ring.certificate(KeyPurpose.INSTITUTION_SIGNATURE);
        return Optional.of("the institution certificate " + own.getSerialNumber().toString(16) + " is " + own.getIssuerX500Principal()
                + "'s, whose revocation medsign does not answer for");
    }
}
