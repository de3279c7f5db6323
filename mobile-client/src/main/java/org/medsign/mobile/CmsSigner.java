package org.medsign.mobile;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.Date;
import java.util.List;

/**
 * Signs a record's canonical bytes as the E Portal app does (M23): CMS SignedData, detached, SHA-256, with the
 * CAdES-B signed attributes contentType, messageDigest, signingTime and signingCertificateV2.
 */
public final class CmsSigner {

    private static final Provider BC = DeviceKeyStore.BC;

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final SignerInfoGenerator signerInfo;

    public CmsSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
        try {
            ContentSigner signer = new JcaContentSignerBuilder(key instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA")
                    .setProvider(BC).build(key);
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{id}))));
            this.signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .setSignedAttributeGenerator(new Timed(new AttributeTable(attributes)))
                    .build(signer, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the signer", e);
        }
    }

    public byte[] sign(byte[] content) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign", e);
        }
    }

    public PrivateKey key() {
        return key;
    }

    /** Adds a fresh signingTime to the fixed attributes for every signature. */
    private static final class Timed extends DefaultSignedAttributeTableGenerator {

        Timed(AttributeTable fixed) {
            super(fixed);
        }

        @Override
        protected java.util.Hashtable createStandardAttributeTable(java.util.Map parameters) {
            java.util.Hashtable table = super.createStandardAttributeTable(parameters);
            table.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime, new DERSet(new Time(new Date()))));
            return table;
        }
    }
}
