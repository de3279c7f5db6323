package org.medsign.signing.longterm;

import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.medsign.credential.CaCertificates;
import org.medsign.credential.CaGeneration;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.medsign.kernel.crypto.BouncyCastle;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Gathers a CAdES-T's validation data from medsign's own PKI: one OCSP answer for the signer's certificate and the
 * TSA's (made once per signer certificate for a run of signatures), the root's CRL for the issuing CA, and the chain's
 * certificates; and an archive timestamp's, before it is renewed. A TSA certificate the responder does not serve (one
 * renewed or rolled over since) is covered by the CRL of the CA generation that issued it instead. After a CA
 * rollover each certificate's status comes from its own generation's responder or CRL.
 */
final class EvidenceCollector {

    private final CaCertificates ca;
    private final Function<byte[], byte[]> ocsp;
    private final Optional<byte[]> rootCrl;
    private final IntFunction<byte[]> caCrl;
    private final Map<BigInteger, byte[]> answers = new HashMap<>();
    private final Map<String, CaGeneration> generations = new HashMap<>();
    /** Every CA, responder and root certificate, parsed once per collector. */
    private final List<X509CertificateHolder> authorities = new ArrayList<>();
    private final DigestCalculatorProvider digests;

    /**
     * @param ocsp    medsign's OCSP responder: request in, answer out (DER)
     * @param rootCrl the root's CRL of the CAs it certified
     * @param caCrl   the current CRL of an issuing CA generation (by its number)
     */
    EvidenceCollector(CaCertificates ca, Function<byte[], byte[]> ocsp, Optional<byte[]> rootCrl, IntFunction<byte[]> caCrl) {
        this.ca = ca;
        this.ocsp = ocsp;
        this.rootCrl = rootCrl;
        this.caCrl = caCrl;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
            for (X509Certificate c : ca.all()) {
                authorities.add(new JcaX509CertificateHolder(c));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param signerX509 the signer's certificate as the registry holds it (the CMS may not carry it) */
    ValidationData collect(CMSSignedData signed, X509Certificate signerX509) {
        try {
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder signerCertificate = new JcaX509CertificateHolder(signerX509);
            CaGeneration signerCa = generation(signerCertificate);
            X509CertificateHolder tsa = tsaOf(token(signer));
            boolean tsaKnown = known(tsa);
            // one answer covers both when the same generation issued them (its responder answers for its own only)
            boolean together = tsaKnown && generation(tsa).number() == signerCa.number();
            List<byte[]> found = new ArrayList<>(List.of(answers.computeIfAbsent(signerCertificate.getSerialNumber(),
                    serial -> ocsp.apply(together ? request(signerCa, serial, tsa.getSerialNumber())
                            : request(signerCa, serial)))));
            if (tsaKnown && !together) {
                found.add(answers.computeIfAbsent(tsa.getSerialNumber(), serial -> ocsp.apply(request(generation(tsa), serial))));
            }
            List<X509CertificateHolder> leaves = new ArrayList<>(List.of(signerCertificate, tsa));
            if (!tsaKnown) {
                // the signature's TSA has rolled over since: the archive timestamp comes from the current one, whose
                // status must be in the evidence it covers, or a validator has none for it once offline
                X509CertificateHolder current = new JcaX509CertificateHolder(ca.tsa());
                leaves.add(current);
                found.add(answers.computeIfAbsent(current.getSerialNumber(),
                        serial -> ocsp.apply(request(generation(current), serial))));
            }
            return data(leaves, tsaKnown ? null : tsa, found);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot gather the validation data", e);
        }
    }

    /**
     * The validation data of a timestamp's own TSA (an archive timestamp about to be covered by the next): its chain,
     * and the responder's answer for its certificate, or its CA generation's CRL for one the responder no longer
     * serves.
     */
    ValidationData forTimestamp(TimeStampToken token) {
        try {
            X509CertificateHolder tsa = tsaOf(token);
            boolean known = known(tsa);
            return data(List.of(tsa), known ? null : tsa, known ? List.of(answers.computeIfAbsent(tsa.getSerialNumber(),
                    serial -> ocsp.apply(request(generation(tsa), serial)))) : List.of());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot gather the TSA's validation data", e);
        }
    }

    /** @param byCrl a TSA certificate whose status its CA generation's CRL gives, or null */
    private ValidationData data(List<X509CertificateHolder> leaves, X509CertificateHolder byCrl, List<byte[]> answers)
            throws Exception {
        List<X509CertificateHolder> certificates = new ArrayList<>(leaves);
        certificates.addAll(authorities);
        List<byte[]> crls = new ArrayList<>();
        rootCrl.ifPresent(crls::add);
        if (byCrl != null) {
            crls.add(caCrl.apply(generation(byCrl).number()));
        }
        return new ValidationData(certificates, crls, answers);
    }

    /** Whether the responder answers for this TSA certificate: the current one; one rolled over is on the CRL. */
    private boolean known(X509CertificateHolder tsa) {
        return tsa.getSerialNumber().equals(ca.tsa().getSerialNumber());
    }

    /**
     * The CA generation that issued {@code certificate}, found by its signature once per certificate and collector:
     * a chunk's signatures share a few signers and one TSA.
     */
    private CaGeneration generation(X509CertificateHolder certificate) {
        return generations.computeIfAbsent(certificate.getIssuer() + "/" + certificate.getSerialNumber(), key -> {
            try {
                X509Certificate x509 = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                        .getCertificate(certificate);
                return ca.issuerOf(x509).orElseThrow(() -> new IllegalStateException(
                        "not issued by medsign's CA: " + certificate.getSubject()));
            } catch (java.security.cert.CertificateException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private byte[] request(CaGeneration generation, BigInteger... serials) {
        try {
            X509CertificateHolder issuer = new JcaX509CertificateHolder(generation.issuing());
            OCSPReqBuilder builder = new OCSPReqBuilder();
            for (BigInteger serial : serials) {
                builder.addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1), issuer, serial));
            }
            return builder.build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot ask for the OCSP answer", e);
        }
    }

    private static X509CertificateHolder tsaOf(TimeStampToken token) {
        return only(token.getCertificates().getMatches(token.getSID()));
    }

    static TimeStampToken token(SignerInformation signer) throws Exception {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        var attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            throw new IllegalStateException("not a CAdES-T: no signature timestamp");
        }
        return new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
    }

    private static X509CertificateHolder only(java.util.Collection<X509CertificateHolder> matches) {
        if (matches.isEmpty()) {
            throw new IllegalStateException("the TSA's certificate is not in its token");
        }
        return matches.iterator().next();
    }
}
