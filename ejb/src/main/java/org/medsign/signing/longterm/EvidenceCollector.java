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
 * certificates. A TSA certificate the responder does not know (one renewed since) is covered by the CA's CRL instead.
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
            TimeStampToken token = token(signer);
            X509CertificateHolder tsa = only(token.getCertificates().getMatches(token.getSID()));
            List<X509CertificateHolder> certificates = new ArrayList<>(List.of(signerCertificate, tsa));
            for (X509Certificate c : List.of(ca.issuing(), ca.root(), ca.ocsp())) {
                certificates.add(new JcaX509CertificateHolder(c));
            }
            boolean tsaKnown = tsa.getSerialNumber().equals(ca.tsa().getSerialNumber());
            List<byte[]> crls = new ArrayList<>();
            rootCrl.ifPresent(crls::add);
            if (!tsaKnown) {
                crls.add(caCrl.get());
            }
            byte[] answer = answers.computeIfAbsent(signerCertificate.getSerialNumber(),
                    serial -> ocsp.apply(request(serial, tsaKnown ? tsa.getSerialNumber() : null)));
            return new ValidationData(certificates, crls, List.of(answer));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot gather the validation data", e);
        }
    }

    private byte[] request(BigInteger signer, BigInteger tsa) {
        try {
            X509CertificateHolder issuer = new JcaX509CertificateHolder(ca.issuing());
            OCSPReqBuilder builder = new OCSPReqBuilder();
            builder.addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1), issuer, signer));
            if (tsa != null) {
                builder.addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1), issuer, tsa));
            }
            return builder.build().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot ask for the OCSP answer", e);
        }
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
