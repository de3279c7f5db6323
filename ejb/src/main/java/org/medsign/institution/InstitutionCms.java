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
import org.bouncycastle.tsp.TimeStampToken;
import org.medsign.credential.TimeStampAuthority;
import org.medsign.kernel.crypto.KeyRing;
import org.medsign.signing.evidence.CadesT;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The institution's signature over a record's canonical bytes, in the same form as the staff's: CMS SignedData,
 * detached, SHA-256, CAdES-B signed attributes (signingTime set by the generator, signingCertificateV2 naming the
 * institution certificate), with our TSA's token over the signature value (CAdES-T). One per thread.
 */
final class InstitutionCms {

    private final CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    private final TimeStampAuthority.Stamper stamper;

    InstitutionCms(KeyRing ring, List<X509Certificate> chain, TimeStampAuthority.Stamper stamper) {
        this.stamper = stamper;
        try {
            ESSCertIDv2 certificateId = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(chain.get(0).getEncoded()));
            AttributeTable fixed = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(certificateId))));
            generator.addSignerInfoGenerator(ring.institutionSigner(new DefaultSignedAttributeTableGenerator(fixed)));
            generator.addCertificates(new JcaCertStore(chain));
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
