package org.medsign.credential;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaRespID;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.medsign.kernel.crypto.KeyRing;
import org.medsign.kernel.crypto.BouncyCastle;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * An RFC 6960 OCSP responder for the Mobile Signing CA, every generation of its key: each answer is signed by the
 * delegated responder the asked-about certificate's CA generation certified (RFC 6960 §4.2.2.2):
 * good, revoked (with time and reason) or unknown for each certificate asked about (the registry's, the TSA's and the
 * development institution certificate's); malformed requests
 * get the protocol's own malformedRequest answer.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OcspResponder {

    private static final int MAX_REQUESTS = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    CertificateAuthority ca;

    @Inject
    KeyRing ring;

    public byte[] respond(byte[] encodedRequest) {
        try {
            OCSPReq request;
            try {
                request = new OCSPReq(encodedRequest);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            Req[] items = request.getRequestList();
            if (items.length == 0 || items.length > MAX_REQUESTS) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            CaCertificates certificates = ca.certificates();
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
            // the answer comes from the responder of the generation the first certificate asked about belongs to
            CaGeneration generation = generationOf(items[0].getCertID(), certificates, digests);
            X509CertificateHolder issuer = new JcaX509CertificateHolder(generation.issuing());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    new JcaRespID(generation.ocsp().getPublicKey(), digests.get(CertificateID.HASH_SHA1)));
            Instant now = Instant.now();
            for (Req item : items) {
                CertificateID id = item.getCertID();
                builder.addResponse(id, status(id, issuer, generation.number(), digests), Date.from(now),
                        Date.from(now.plus(Duration.ofHours(1))), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, ring.signOcspAnswer(generation.issuing(), builder, Date.from(now)))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("OCSP responder failure", e);
        }
    }

    /**
     * The CA's own TSA certificate (long-term evidence asks about it beside the signer's), good while it serves; and
     * the development institution certificate, which the CA issued outside the registry and never revokes.
     */
    private boolean answersBeyondTheRegistry(java.math.BigInteger serial) {
        return ca.certificates().tsa().getSerialNumber().equals(serial)
                || ca.institutionCertificate().filter(c -> c.getSerialNumber().equals(serial)).isPresent();
    }

    /** The CA generation whose name and key hash {@code id} carries; the current one when none matches (unknown). */
    private static CaGeneration generationOf(CertificateID id, CaCertificates certificates, DigestCalculatorProvider digests)
            throws Exception {
        for (CaGeneration generation : certificates.generations()) {
            if (id.matchesIssuer(new JcaX509CertificateHolder(generation.issuing()), digests)) {
                return generation;
            }
        }
        return certificates.current();
    }

    private CertificateStatus status(CertificateID id, X509CertificateHolder issuer, int generation,
                                     DigestCalculatorProvider digests) throws OCSPException {
        if (!id.matchesIssuer(issuer, digests)) {
            return new UnknownStatus();
        }
        Certificate certificate = em.createQuery("select c from Certificate c where c.serial = :s", Certificate.class)
                .setParameter("s", id.getSerialNumber().toString(16))
                .getResultStream().findFirst().orElse(null);
        if (certificate == null) {
            return answersBeyondTheRegistry(id.getSerialNumber()) ? CertificateStatus.GOOD : new UnknownStatus();
        }
        if (certificate.caGeneration() != generation) {
            return new UnknownStatus();
        }
        if (certificate.status() == org.medsign.credential.CertificateStatus.REVOKED) {
            return new RevokedStatus(Date.from(certificate.revocationTime()), certificate.revocationReason().code());
        }
        return CertificateStatus.GOOD;
    }
}
