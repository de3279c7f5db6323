package org.medsign.signing;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.medsign.credential.Pki;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * Checks one item's CMS SignedData: detached (no content inside), one signer, SHA-256 with ECDSA or RSA, the
 * CAdES-B signed attributes (contentType, messageDigest, signingTime, signingCertificateV2), the digest of the
 * record's current canonical bytes, a sane signing time, and the signature itself with the signer's certificate.
 */
final class CmsCheck {

    static final Duration MAX_AGE = Duration.ofHours(24);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(X9ObjectIdentifiers.ecdsa_with_SHA256,
            PKCSObjectIdentifiers.rsaEncryption, PKCSObjectIdentifiers.sha256WithRSAEncryption,
            X9ObjectIdentifiers.id_ecPublicKey);

    private CmsCheck() {
    }

    /** Parses enough to find the signer (issuer and serial), refusing attached content and odd shapes. */
    static SignerInformation signer(byte[] cms) {
        try {
            CMSSignedData detached = new CMSSignedData(cms);
            if (detached.getSignedContent() != null) {
                throw new MedsignException(ErrorCode.CMS_INVALID, "attached content");
            }
            if (detached.getSignerInfos().size() != 1) {
                throw new MedsignException(ErrorCode.CMS_INVALID, "one signer expected");
            }
            SignerInformation signer = detached.getSignerInfos().getSigners().iterator().next();
            if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())
                    || !SIGNATURE_ALGORITHMS.contains(new ASN1ObjectIdentifier(signer.getEncryptionAlgOID()))) {
                throw new MedsignException(ErrorCode.CMS_INVALID, "algorithm");
            }
            return signer;
        } catch (CMSException | RuntimeException e) {
            if (e instanceof MedsignException known) {
                throw known;
            }
            throw new MedsignException(ErrorCode.CMS_INVALID, "encoding");
        }
    }

    /** Verifies the signer over the record's canonical bytes; returns the signing time. */
    static Instant verify(byte[] cms, byte[] canonical, X509Certificate certificate, Instant now) {
        try {
            CMSSignedData data = new CMSSignedData(new CMSProcessableByteArray(canonical), cms);
            SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
            AttributeTable signed = signer.getSignedAttributes();
            if (signed == null || signed.get(CMSAttributes.contentType) == null) {
                throw new MedsignException(ErrorCode.CMS_INVALID, "CAdES-B attributes");
            }
            byte[] claimed = ASN1OctetString.getInstance(value(signed, CMSAttributes.messageDigest)).getOctets();
            if (!Arrays.equals(claimed, MessageDigest.getInstance("SHA-256").digest(canonical))) {
                throw new MedsignException(ErrorCode.RECORD_CHANGED);
            }
            checkSigningCertificate(signed, certificate);
            Instant signingTime = Time.getInstance(value(signed, CMSAttributes.signingTime)).getDate().toInstant();
            if (signingTime.isAfter(now.plus(MAX_CLOCK_SKEW)) || signingTime.isBefore(now.minus(MAX_AGE))) {
                throw new MedsignException(ErrorCode.SIGNING_TIME_INVALID);
            }
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pki.BC).build(certificate))) {
                throw new MedsignException(ErrorCode.SIGNATURE_INVALID);
            }
            return signingTime;
        } catch (MedsignException e) {
            throw e;
        } catch (Exception e) {
            throw new MedsignException(ErrorCode.SIGNATURE_INVALID);
        }
    }

    private static void checkSigningCertificate(AttributeTable signed, X509Certificate certificate) throws Exception {
        SigningCertificateV2 reference = SigningCertificateV2.getInstance(
                value(signed, PKCSObjectIdentifiers.id_aa_signingCertificateV2));
        ESSCertIDv2 id = reference.getCerts()[0];
        if (!NISTObjectIdentifiers.id_sha256.equals(id.getHashAlgorithm().getAlgorithm())
                || !Arrays.equals(id.getCertHash(), MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()))) {
            throw new MedsignException(ErrorCode.CMS_INVALID, "signingCertificateV2");
        }
    }

    private static ASN1Encodable value(AttributeTable table, ASN1ObjectIdentifier type) {
        Attribute attribute = table.get(type);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            throw new MedsignException(ErrorCode.CMS_INVALID, "CAdES-B attributes");
        }
        return attribute.getAttrValues().getObjectAt(0);
    }
}
