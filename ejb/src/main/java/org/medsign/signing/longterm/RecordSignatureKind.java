package org.medsign.signing.longterm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.medsign.credential.SigningCertificates;
import org.medsign.signing.evidence.RecordSignature;
import org.medsign.signing.evidence.SignatureEvidence;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The staff's signatures: every one was made with a certificate of medsign's registry, so its responder answers for
 * each. One whose certificate is missing from the registry is damaged data, and fails its chunk loudly.
 */
@ApplicationScoped
public class RecordSignatureKind implements SignatureKind {

    public static final String NAME = "record";

    @Inject
    SigningCertificates certificates;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<? extends SignatureEvidence> entity() {
        return RecordSignature.class;
    }

    @Override
    public Optional<X509Certificate> signer(SignatureEvidence stored) {
        return Optional.of(certificates.bySerial(stored.certificateSerial()).orElseThrow(() -> new IllegalStateException(
                "signature of record " + stored.hisRecordId() + ": its certificate is not in the registry")).x509());
    }

    @Override
    public Optional<String> held() {
        return Optional.empty();
    }
}
