package org.medsign.signing.batch;

import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.medsign.credential.CertificateStatus;
import org.medsign.credential.SignerCertificate;
import org.medsign.credential.TimeStampAuthority;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.signing.evidence.CadesT;
import org.medsign.signing.evidence.VerifiedSignature;

import javax.security.auth.x500.X500Principal;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The crypto of a batch's candidates: each CMS parsed once, its certificate (the caller's own, 已下載) found in
 * memory, verified, then timestamped (CAdES-T). Pure work on its inputs, so slices of a batch run on several cores.
 */
final class ItemVerification {

    private final String signer;
    private final Map<CertificateKey, SignerCertificate> certificates;
    /** The verification keys of the caller's 已下載 certificates, made once for the batch, by serial. */
    private final Map<String, CmsCheck.SignerKey> keys;
    private final Instant now;

    /** A certificate as a SignerInfo names it: issuer and serial. */
    record CertificateKey(X500Principal issuer, BigInteger serial) {
    }

    /** One candidate's outcome: verified and stamped, or refused with its code. */
    record Outcome(Candidate candidate, VerifiedSignature verified, MedsignException refusal) {
    }

    ItemVerification(String signer, List<SignerCertificate> mine, Instant now) {
        this.signer = signer;
        this.certificates = mine.stream().collect(Collectors.toMap(
                c -> new CertificateKey(c.x509().getIssuerX500Principal(), c.x509().getSerialNumber()), c -> c, (a, b) -> a));
        this.keys = mine.stream().filter(c -> c.status() == CertificateStatus.DOWNLOADED)
                .collect(Collectors.toMap(SignerCertificate::serial, c -> CmsCheck.SignerKey.of(c.x509()), (a, b) -> a));
        this.now = now;
    }

    /** Verifies and stamps a slice of candidates with one stamper (one thread). */
    List<Outcome> run(List<Candidate> slice, TimeStampAuthority.Stamper stamper) {
        return slice.stream().map(c -> one(c, stamper)).toList();
    }

    private Outcome one(Candidate candidate, TimeStampAuthority.Stamper stamper) {
        try {
            CmsCheck.Parsed parsed = CmsCheck.parse(decode(candidate.cmsBase64()));
            SignerCertificate certificate = certificate(parsed.signer());
            Instant signingTime = CmsCheck.verify(parsed.signer(), candidate.digest(), candidate.listedDigest(),
                    keys.get(certificate.serial()), now);
            TimeStampToken token = stamper.stamp(parsed.signer().getSignature());
            return new Outcome(candidate, new VerifiedSignature(candidate.recordId(), candidate.version(), signer,
                    certificate.serial(), HexFormat.of().formatHex(candidate.digest()), signingTime,
                    CadesT.withTimestamp(parsed.data(), parsed.signer(), token), token.getTimeStampInfo().getGenTime().toInstant(),
                    candidate.delayReason()), null);
        } catch (MedsignException e) {
            return new Outcome(candidate, null, e);
        }
    }

    private SignerCertificate certificate(SignerInformation info) {
        SignerCertificate certificate;
        try {
            certificate = certificates.get(new CertificateKey(new X500Principal(info.getSID().getIssuer().getEncoded()),
                    info.getSID().getSerialNumber()));
        } catch (IOException | RuntimeException e) {
            throw new MedsignException(ErrorCode.CMS_INVALID, "issuer");
        }
        if (certificate == null) {
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_CALLERS);
        }
        if (certificate.status() == CertificateStatus.ISSUED) {
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_DOWNLOADED);
        }
        if (certificate.status() != CertificateStatus.DOWNLOADED) {
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_VALID);
        }
        return certificate;
    }

    private static byte[] decode(String cms) {
        try {
            return Base64.getDecoder().decode(Objects.requireNonNullElse(cms, "").strip());
        } catch (IllegalArgumentException e) {
            throw new MedsignException(ErrorCode.CMS_INVALID, "base64");
        }
    }
}
