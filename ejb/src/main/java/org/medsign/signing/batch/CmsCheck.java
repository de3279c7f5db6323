package org.medsign.signing.batch;

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
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.signing.evidence.SignatureValue;
import org.medsign.kernel.crypto.BouncyCastle;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checks one item's CMS SignedData, parsed once: detached (no content inside), one signer, SHA-256 with ECDSA or
 * RSA (PKCS#1 v1.5 or PSS, see {@link SignatureValue}), the CAdES-B signed attributes (contentType, messageDigest, signingTime, signingCertificateV2), the digest of
 * the record's current canonical bytes, a sane signing time, and the signature over the signed attributes with the
 * signer's certificate (RFC 5652 §5.4: with signed attributes, that signature and the messageDigest are the proof).
 */
final class CmsCheck {

    static final Duration MAX_AGE = Duration.ofHours(24);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private CmsCheck() {
    }

    /**
     * A signer's certificate ready for many verifications: its SHA-256 (for signingCertificateV2) and its public key
     * as a Bouncy Castle key made once, so that BC's per-point precomputation is reused across a batch's items
     * (a foreign key object is converted, and precomputed, again on every verification).
     */
    record SignerKey(X509Certificate certificate, byte[] certificateHash, PublicKey publicKey) {

        static SignerKey of(X509Certificate certificate) {
            try {
                PublicKey key = KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm(), BouncyCastle.PROVIDER)
                        .generatePublic(new X509EncodedKeySpec(certificate.getPublicKey().getEncoded()));
                return new SignerKey(certificate, MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()), key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Unusable signer certificate", e);
            }
        }
    }

    /** A parsed item: the SignedData and its one signer. */
    record Parsed(CMSSignedData data, SignerInformation signer) {
    }

    /** Parses the item, refusing attached content and odd shapes. */
    static Parsed parse(byte[] cms) {
        try {
            CMSSignedData detached = new CMSSignedData(cms);
            if (detached.getSignedContent() != null) {
                throw new MedsignException(ErrorCode.CMS_INVALID, "attached content");
            }
            if (detached.getSignerInfos().size() != 1) {
                throw new MedsignException(ErrorCode.CMS_INVALID, "one signer expected");
            }
            SignerInformation signer = detached.getSignerInfos().getSigners().iterator().next();
            if (!SignatureValue.acceptable(signer)) {
                throw new MedsignException(ErrorCode.CMS_INVALID, "algorithm");
            }
            return new Parsed(detached, signer);
        } catch (MedsignException e) {
            throw e;
        } catch (Exception e) {
            throw new MedsignException(ErrorCode.CMS_INVALID, "encoding");
        }
    }

    /**
     * Verifies the signer over the record's canonical bytes; returns the signing time.
     *
     * @param digest       the SHA-256 of the record's current canonical bytes, which the messageDigest must be
     * @param listedDigest the digest (hex) the pending list showed for this version, to tell a changed record from a
     *                     signature over other content
     */
    static Instant verify(SignerInformation signer, byte[] digest, String listedDigest, SignerKey key, Instant now) {
        try {
            AttributeTable signed = signer.getSignedAttributes();
            if (signed == null || signed.get(CMSAttributes.contentType) == null) {
                throw new MedsignException(ErrorCode.CMS_INVALID, "CAdES-B attributes");
            }
            byte[] claimed = ASN1OctetString.getInstance(value(signed, CMSAttributes.messageDigest)).getOctets();
            if (!MessageDigest.isEqual(claimed, digest)) {
                throw new MedsignException(contentMismatch(claimed, listedDigest));
            }
            checkSigningCertificate(signed, key.certificateHash());
            Instant signingTime = Time.getInstance(value(signed, CMSAttributes.signingTime)).getDate().toInstant();
            if (signingTime.isAfter(now.plus(MAX_CLOCK_SKEW)) || signingTime.isBefore(now.minus(MAX_AGE))) {
                throw new MedsignException(ErrorCode.SIGNING_TIME_INVALID);
            }
            if (!SignatureValue.verifies(signer, key.publicKey())) {
                throw new MedsignException(ErrorCode.SIGNATURE_INVALID);
            }
            return signingTime;
        } catch (MedsignException e) {
            throw e;
        } catch (Exception e) {
            throw new MedsignException(ErrorCode.SIGNATURE_INVALID);
        }
    }


    /**
     * A messageDigest other than the digest of the record's current bytes: when it is the digest the list showed, the
     * record changed since it was listed (MS-5005); otherwise the phone signed other content (MS-5019), which a
     * refresh does not explain.
     */
    static ErrorCode contentMismatch(byte[] claimed, String listedDigest) {
        return HexFormat.of().formatHex(claimed).equalsIgnoreCase(listedDigest) ? ErrorCode.RECORD_CHANGED
                : ErrorCode.SIGNED_CONTENT_MISMATCH;
    }

    private static void checkSigningCertificate(AttributeTable signed, byte[] certificateHash) {
        SigningCertificateV2 reference = SigningCertificateV2.getInstance(
                value(signed, PKCSObjectIdentifiers.id_aa_signingCertificateV2));
        ESSCertIDv2 id = reference.getCerts()[0];
        if (!NISTObjectIdentifiers.id_sha256.equals(id.getHashAlgorithm().getAlgorithm())
                || !Arrays.equals(id.getCertHash(), certificateHash)) {
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
