package org.medsign.credential;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * What the signing capability asks of the CA: which of medsign's certificates signed (by issuer and serial), and
 * in which status it is; and a person's certificates, read once per batch.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SigningCertificates {

    @PersistenceContext
    EntityManager em;

    @Inject
    CertificateAuthority ca;

    /** The certificate with this issuer and serial, if medsign's Mobile Signing CA (any generation) issued it. */
    public Optional<SignerCertificate> find(X500Principal issuer, BigInteger serial) {
        if (ca.certificates().generations().stream().noneMatch(g -> g.issuing().getSubjectX500Principal().equals(issuer))) {
            return Optional.empty();
        }
        return bySerial(serial.toString(16));
    }

    /** Any certificate medsign issued, by serial (hex), for re-verifying a stored signature. */
    public Optional<SignerCertificate> bySerial(String serial) {
        return em.createQuery("select c from Certificate c where c.serial = :s", Certificate.class)
                .setParameter("s", serial).getResultStream().findFirst().map(SigningCertificates::view);
    }

    /** The CA's certificates a verifier needs: the Mobile Signing CA, the root and the TSA. */
    public CaCertificates authorities() {
        return ca.certificates();
    }

    public List<SignerCertificate> of(String owner) {
        return em.createQuery("select c from Certificate c where c.owner = :o", Certificate.class)
                .setParameter("o", owner).getResultStream().map(SigningCertificates::view).toList();
    }

    private static SignerCertificate view(Certificate c) {
        return new SignerCertificate(c.serial(), c.owner(), c.statusAt(Instant.now()), c.x509(), c.revocationTime());
    }
}
