package org.medsign.signing.evidence;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.medsign.credential.CaCertificates;
import org.medsign.credential.SignerCertificate;
import org.medsign.signing.evidence.VerificationReport.Check;
import org.medsign.signing.evidence.VerificationReport.Outcome;
import org.medsign.kernel.crypto.BouncyCastle;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * Re-verifies a stored signature from its own evidence: the CMS, the signer's certificate and chain, the RFC 3161
 * token over the signature value, revocation before the token's time, the archive timestamps of an LTA, and the HIS
 * content when the HIS still holds the signed version. Each check is reported on its own; nothing here trusts what was
 * stored beside it.
 */
final class StoredSignatureCheck {

    private final List<Check> checks = new ArrayList<>();
    private final Instant asOf;
    private Instant timestampTime;
    private X509Certificate timestampTsa;

    private StoredSignatureCheck(Instant asOf) {
        this.asOf = asOf;
    }

    /**
     * @param canonical the HIS record's canonical bytes if the HIS still holds the signed version, else null
     * @param asOf      the validation time: what is known then (revocations up to it) and what still holds then (the
     *                  newest timestamp's TSA certificate); now when it is null
     */
    static List<Check> run(RecordSignature stored, SignerCertificate certificate, CaCertificates ca, byte[] canonical,
                           Instant asOf) {
        StoredSignatureCheck check = new StoredSignatureCheck(asOf == null ? Instant.now() : asOf);
        check.all(stored, certificate, ca, canonical);
        return List.copyOf(check.checks);
    }

    private void all(RecordSignature stored, SignerCertificate certificate, CaCertificates ca, byte[] canonical) {
        SignerInformation signer;
        try {
            CMSSignedData cms = new CMSSignedData(stored.cms());
            signer = cms.getSignerInfos().getSigners().iterator().next();
            if (cms.getSignedContent() != null || signer.getSignedAttributes() == null) {
                add("FORMAT", Outcome.FAILED, "not a detached CAdES signature");
                return;
            }
            add("FORMAT", Outcome.PASSED, "CMS SignedData, detached, CAdES-B signed attributes");
        } catch (Exception e) {
            add("FORMAT", Outcome.FAILED, "not CMS SignedData");
            return;
        }
        AttributeTable signed = signer.getSignedAttributes();
        byte[] claimed = ASN1OctetString.getInstance(
                signed.get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0)).getOctets();
        content(stored, claimed, canonical);
        if (certificate == null) {
            add("SIGNING_CERTIFICATE", Outcome.UNKNOWN, "certificate " + stored.certificateSerial() + " not found");
            return;
        }
        X509Certificate x509 = certificate.x509();
        signingCertificate(signed, x509);
        signatureValue(signer, x509);
        timestamp(signer, ca);
        chain(x509, ca);
        revocation(certificate);
        longTerm(stored, ca);
    }

    /** What the signature carries beyond CAdES-T, and whether its archive timestamps hold. */
    private void longTerm(SignatureEvidence stored, CaCertificates ca) {
        try {
            CMSSignedData cms = new CMSSignedData(stored.cms());
            List<TimeStampToken> archives = CadesLta.archiveTimestamps(cms);
            if (archives.isEmpty()) {
                String level = stored.level() == EvidenceLevel.T
                        ? "CAdES-T: its validation data and archive timestamp follow after the revocation grace period"
                        : "CAdES-BASELINE-LT: with the validation data of its chains";
                protectedUntil(timestampTsa, level);
                return;
            }
            String failure = ArchiveTimestampCheck.firstFailure(cms, archives, stored.digest(), ca);
            TimeStampToken newest = archives.get(archives.size() - 1);
            if (failure != null) {
                add("LONG_TERM_EVIDENCE", Outcome.FAILED, failure);
                return;
            }
            protectedUntil(Timestamps.certificate(newest, ca), "CAdES-BASELINE-LTA: " + archives.size()
                    + " archive timestamp(s), the newest of " + newest.getTimeStampInfo().getGenTime().toInstant());
        } catch (Exception e) {
            add("LONG_TERM_EVIDENCE", Outcome.FAILED, "cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private void content(RecordSignature stored, byte[] claimed, byte[] canonical) {
        String hex = HexFormat.of().formatHex(claimed);
        if (!hex.equals(stored.digest())) {
            add("CONTENT_DIGEST", Outcome.FAILED, "messageDigest differs from the stored digest");
        } else if (canonical == null) {
            add("CONTENT_DIGEST", Outcome.PASSED, "SHA-256 " + hex + " (the HIS has a newer version of the record)");
        } else {
            boolean same = Arrays.equals(claimed, sha256(canonical));
            add("CONTENT_DIGEST", same ? Outcome.PASSED : Outcome.FAILED, same ? "SHA-256 " + hex + " = the HIS record"
                    : "the HIS record's content no longer matches the signed digest");
        }
    }

    private void signingCertificate(AttributeTable signed, X509Certificate x509) {
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)
                    .getAttrValues().getObjectAt(0)).getCerts()[0];
            boolean same = Arrays.equals(id.getCertHash(), sha256(x509.getEncoded()));
            add("SIGNING_CERTIFICATE", same ? Outcome.PASSED : Outcome.FAILED,
                    same ? "signingCertificateV2 names certificate " + x509.getSerialNumber().toString(16)
                            : "signingCertificateV2 names another certificate");
        } catch (Exception e) {
            add("SIGNING_CERTIFICATE", Outcome.FAILED, "no signingCertificateV2");
        }
    }

    /** The signature over the signed attributes; the content is CONTENT_DIGEST's, so this needs no HIS. */
    private void signatureValue(SignerInformation signer, X509Certificate x509) {
        try {
            boolean valid = SignatureValue.verifies(signer, x509.getPublicKey());
            add("SIGNATURE_VALUE", valid ? Outcome.PASSED : Outcome.FAILED, x509.getPublicKey().getAlgorithm()
                    + " with SHA-256" + (valid ? " over the signed attributes" : " does not verify"));
        } catch (Exception e) {
            add("SIGNATURE_VALUE", Outcome.FAILED, e.getClass().getSimpleName());
        }
    }

    private void timestamp(SignerInformation signer, CaCertificates ca) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned == null || unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) == null) {
            add("TIMESTAMP", Outcome.FAILED, "no signature timestamp (CAdES-T)");
            return;
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(unsigned
                    .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0)
                    .toASN1Primitive().getEncoded()));
            X509Certificate tsa = Timestamps.certificate(token, ca);
            if (tsa == null) {
                add("TIMESTAMP", Outcome.FAILED, "the token does not verify with a TSA certificate of medsign's CA");
                return;
            }
            if (!Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), sha256(signer.getSignature()))) {
                add("TIMESTAMP", Outcome.FAILED, "the token covers another signature value");
                return;
            }
            timestampTime = token.getTimeStampInfo().getGenTime().toInstant();
            timestampTsa = tsa;
            add("TIMESTAMP", Outcome.PASSED, "RFC 3161 token of " + timestampTime + ", serial "
                    + token.getTimeStampInfo().getSerialNumber() + ", TSA certificate " + tsa.getSerialNumber().toString(16));
        } catch (Exception e) {
            add("TIMESTAMP", Outcome.FAILED, "the token does not verify with medsign's TSA certificate");
        }
    }

    private void chain(X509Certificate x509, CaCertificates ca) {
        try {
            // the CA generation that issued it, retired or not
            X509Certificate issuing = ca.issuerOf(x509).map(org.medsign.credential.CaGeneration::issuing)
                    .orElseThrow(() -> new java.security.SignatureException("not issued by medsign's CA"));
            issuing.verify(ca.root().getPublicKey(), BouncyCastle.PROVIDER);
            Date at = Date.from(timestampTime == null ? Instant.now() : timestampTime);
            x509.checkValidity(at);
            issuing.checkValidity(at);
            add("CERTIFICATE_CHAIN", Outcome.PASSED, "→ " + issuing.getSubjectX500Principal().getName()
                    + " → " + ca.root().getSubjectX500Principal().getName() + ", valid at the timestamp");
        } catch (Exception e) {
            add("CERTIFICATE_CHAIN", Outcome.FAILED, e.getClass().getSimpleName());
        }
    }

    private void revocation(SignerCertificate certificate) {
        Instant revoked = certificate.revocationTime();
        if (revoked != null && revoked.isAfter(asOf)) {
            add("REVOCATION", Outcome.PASSED, "not revoked as of " + asOf + " (revoked later, at " + revoked + ")");
        } else if (revoked == null) {
            add("REVOCATION", Outcome.PASSED, "not revoked");
        } else if (timestampTime == null) {
            add("REVOCATION", Outcome.UNKNOWN, "revoked at " + revoked + "; no trusted time to compare");
        } else if (timestampTime.isBefore(revoked)) {
            add("REVOCATION", Outcome.PASSED, "revoked at " + revoked + ", after the timestamp");
        } else {
            add("REVOCATION", Outcome.FAILED, "revoked at " + revoked + ", before the timestamp");
        }
    }

    /**
     * The newest timestamp holds what is older only while its TSA certificate is valid: at a validation time past
     * that, the evidence needed a newer archive timestamp, and without one nothing can be concluded.
     */
    private void protectedUntil(X509Certificate newestTsa, String evidence) {
        if (newestTsa == null) {
            add("LONG_TERM_EVIDENCE", Outcome.UNKNOWN, evidence + "; its newest timestamp cannot be checked");
        } else if (newestTsa.getNotAfter().toInstant().isBefore(asOf)) {
            add("LONG_TERM_EVIDENCE", Outcome.UNKNOWN, evidence + "; as of " + asOf + " its newest timestamp's TSA"
                    + " certificate has expired (" + newestTsa.getNotAfter().toInstant() + ") and nothing newer covers it");
        } else {
            add("LONG_TERM_EVIDENCE", Outcome.PASSED, evidence + "; it holds until "
                    + newestTsa.getNotAfter().toInstant() + " unless renewed");
        }
    }

    private void add(String name, Outcome outcome, String detail) {
        checks.add(new Check(name, outcome, detail));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
