package org.medsign.institution;

import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.medsign.credential.Pki;
import org.medsign.credential.TimeStampAuthority;
import org.medsign.signing.evidence.CadesT;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The institution's signature over a record's canonical bytes, in the same form as the staff's: CMS SignedData,
 * detached, SHA-256, CAdES-B signed attributes (signingTime set by the generator, signingCertificateV2 naming the
 * institution certificate), with our TSA's token over the signature value (CAdES-T). One per thread.
 */
final class InstitutionCms {

    private final CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    private final TimeStampAuthority.Stamper stamper;

    InstitutionCms(InstitutionKey key, TimeStampAuthority.Stamper stamper) {
        this.stamper = stamper;
        try {
            String algorithm = key.key() instanceof ECPrivateKey ? Pki.SIGNATURE_ALGORITHM : "SHA256withRSA";
            ESSCertIDv2 certificateId = new ESSCertIDv2(MessageDigest.getInstance("SHA-256")
                    .digest(key.certificate().getEncoded()));
            AttributeTable fixed = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(certificateId))));
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(fixed))
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(Pki.BC).build(key.key()), key.certificate()));
            List<X509Certificate> certificates = new ArrayList<>(List.of(key.certificate()));
            certificates.addAll(key.chain());
            generator.addCertificates(new JcaCertStore(certificates));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the institution signer", e);
        }
    }

    /** A CAdES-T signature of {@code content}, and the time its token gives. */
    Signed sign(byte[] content) {
        try {
            CMSSignedData data = generator.generate(new CMSProcessableByteArray(content), false);
            SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
            TimeStampToken token = stamper.stamp(signer.getSignature());
            return new Signed(CadesT.withTimestamp(data, signer, token), token.getTimeStampInfo().getGenTime().toInstant());
        } catch (CMSException e) {
            throw new IllegalStateException("The institution signature failed", e);
        }
    }

    record Signed(byte[] cms, Instant timestampTime) {
    }
}
