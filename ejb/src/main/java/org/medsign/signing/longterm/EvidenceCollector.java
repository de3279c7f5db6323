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
import org.medsign.kernel.crypto.BouncyCastle;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Gathers a CAdES-T's validation data from medsign's own PKI: one OCSP answer for the signer's certificate and the
 * TSA's (made once per signer certificate for a run of signatures), the root's CRL for the issuing CA, and the chain's
 * certificates; and an archive timestamp's, before it is renewed. A TSA certificate the responder does not serve (one
 * renewed or rolled over since) is covered by the CA's CRL instead.
 */
final class EvidenceCollector {

    private final CaCertificates ca;
    private final Function<byte[], byte[]> ocsp;
    private final Optional<byte[]> rootCrl;
    private final Supplier<byte[]> caCrl;
    private final Map<BigInteger, byte[]> answers = new HashMap<>();
    private final DigestCalculatorProvider digests;

    /**
     * @param ocsp    medsign's OCSP responder: request in, answer out (DER)
     * @param rootCrl the root's CRL of the CAs it certified
     * @param caCrl   the issuing CA's current CRL
     */
    EvidenceCollector(CaCertificates ca, Function<byte[], byte[]> ocsp, Optional<byte[]> rootCrl, Supplier<byte[]> caCrl) {
        this.ca = ca;
        this.ocsp = ocsp;
        this.rootCrl = rootCrl;
        this.caCrl = caCrl;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param signerX509 the signer's certificate as the registry holds it (the CMS may not carry it) */
    ValidationData collect(CMSSignedData signed, X509Certificate signerX509) {
        try {
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder signerCertificate = new JcaX509CertificateHolder(signerX509);
            X509CertificateHolder tsa = tsaOf(token(signer));
            boolean tsaKnown = known(tsa);
            byte[] answer = answers.computeIfAbsent(signerCertificate.getSerialNumber(), serial -> ocsp.apply(tsaKnown
                    ? request(serial, tsa.getSerialNumber()) : request(serial)));
            return data(List.of(signerCertificate, tsa), tsaKnown, List.of(answer));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot gather the validation data", e);
        }
    }

    /**
     * The validation data of a timestamp's own TSA (an archive timestamp about to be covered by the next): its chain,
     * and the responder's answer for its certificate, or the CA's CRL for one the responder no longer serves.
     */
    ValidationData forTimestamp(TimeStampToken token) {
        try {
            X509CertificateHolder tsa = tsaOf(token);
            boolean known = known(tsa);
            return data(List.of(tsa), known, known ? List.of(answers.computeIfAbsent(tsa.getSerialNumber(),
                    serial -> ocsp.apply(request(serial)))) : List.of());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot gather the TSA's validation data", e);
        }
    }

    private ValidationData data(List<X509CertificateHolder> leaves, boolean tsaKnown, List<byte[]> answers) throws Exception {
        List<X509CertificateHolder> certificates = new ArrayList<>(leaves);
        for (X509Certificate c : List.of(ca.issuing(), ca.root(), ca.ocsp())) {
            certificates.add(new JcaX509CertificateHolder(c));
        }
        List<byte[]> crls = new ArrayList<>();
        rootCrl.ifPresent(crls::add);
        if (!tsaKnown) {
            crls.add(caCrl.get());
        }
        return new ValidationData(certificates, crls, answers);
    }

    /** Whether the responder answers for this TSA certificate: the current one; one rolled over is on the CRL. */
    private boolean known(X509CertificateHolder tsa) {
        return tsa.getSerialNumber().equals(ca.tsa().getSerialNumber());
    }

    private byte[] request(BigInteger... serials) {
        try {
            X509CertificateHolder issuer = new JcaX509CertificateHolder(ca.issuing());
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
