package org.medsign.credential;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.device.DeviceKey;
import org.medsign.device.DeviceKeys;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;
import org.medsign.privacy.PersonalDataVault;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The signing PIN counted on the server for the web app (issue 19). The app keeps its signing key wrapped under a key
 * derived from the PIN and a secret held here; the secret is released only to the certificate's bound device and only
 * after the PIN try was counted, so a copy of the phone's storage gives no offline guesses. The PIN itself never
 * leaves the phone: the app sends a verifier derived from it with a salt only the phone holds.
 */
@Stateless
@RolesAllowed(Role.STAFF_NAME)
public class SigningPins {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter LOCK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int VERIFIER_BYTES = 32;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    DeviceKeys devices;

    @Inject
    PersonalDataVault vault;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "medsign.time-zone", defaultValue = "Asia/Taipei")
    String timeZone;

    /** What the signing key signs to set its PIN guard, once, right after enrolment. */
    public static byte[] setMessage(String serial, byte[] verifier) {
        return ("medsign-pin-set-v1\n" + serial + "\n" + Pki.sha256Hex(verifier)).getBytes(StandardCharsets.UTF_8);
    }

    /** What the device key signs to have a PIN try counted and, when right, the secret released. */
    public static byte[] unlockMessage(String serial, byte[] verifier) {
        return ("medsign-pin-v1\n" + serial + "\n" + Pki.sha256Hex(verifier)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sets the PIN guard of one of the caller's live certificates, proven by its own key; answers the new secret.
     * MS-4013 when already set: a copied phone cannot reset the count by setting a PIN of its own.
     */
    public byte[] set(String serial, String verifierBase64, String keySignatureBase64) {
        Certificate certificate = liveCertificate(serial, AuditAction.SIGNING_PIN_SET);
        byte[] verifier = verifier(verifierBase64);
        DeviceKey key = DeviceKey.parse(Base64.getEncoder().encodeToString(certificate.x509().getPublicKey().getEncoded()));
        try {
            key.verify(setMessage(certificate.serial(), verifier), keySignatureBase64);
        } catch (MedsignException e) {
            throw refused(AuditAction.SIGNING_PIN_SET, serial, ErrorCode.ACKNOWLEDGEMENT_INVALID);
        }
        if (guard(certificate.serial(), LockModeType.NONE) != null) {
            throw refused(AuditAction.SIGNING_PIN_SET, serial, ErrorCode.SIGNING_PIN_ALREADY_SET);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        em.persist(new PinGuard(certificate.serial(), me(), verifier,
                vault.seal(Base64.getEncoder().encodeToString(secret)), Instant.now()));
        audit.record(AuditRecord.success(AuditAction.SIGNING_PIN_SET, me(), certificate.serial(), null));
        return secret;
    }

    /**
     * Counts one PIN try of the certificate's bound device. The answer, not an exception, says a wrong or locked PIN,
     * so that the count is committed; tries on one guard are serialised by a row lock, so parallel guesses count too.
     */
    public Release unlock(String serial, String verifierBase64, String deviceSignatureBase64) {
        Certificate certificate = liveCertificate(serial, AuditAction.SIGNING_PIN_CHECKED);
        byte[] verifier = verifier(verifierBase64);
        try {
            devices.verify(certificate.deviceId(), me(), unlockMessage(certificate.serial(), verifier), deviceSignatureBase64);
        } catch (MedsignException e) {
            throw refused(AuditAction.SIGNING_PIN_CHECKED, serial, e.errorCode());
        }
        PinGuard guard = guard(certificate.serial(), LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            throw refused(AuditAction.SIGNING_PIN_CHECKED, serial, ErrorCode.SIGNING_PIN_NOT_SET);
        }
        Instant now = Instant.now();
        if (guard.lockedAt(now)) {
            audit.record(AuditRecord.failure(AuditAction.SIGNING_PIN_CHECKED, me(), certificate.serial(),
                    ErrorCode.SIGNING_PIN_LOCKED, null));
            return Release.refused(ErrorCode.SIGNING_PIN_LOCKED, lockTime(guard.lockedUntil()));
        }
        if (!guard.check(verifier, now)) {
            ErrorCode code = guard.lockedAt(now) ? ErrorCode.SIGNING_PIN_LOCKED : ErrorCode.SIGNING_PIN_WRONG;
            audit.record(AuditRecord.failure(AuditAction.SIGNING_PIN_CHECKED, me(), certificate.serial(), code, null));
            return code == ErrorCode.SIGNING_PIN_LOCKED ? Release.refused(code, lockTime(guard.lockedUntil()))
                    : Release.refused(code, guard.triesLeft());
        }
        audit.record(AuditRecord.success(AuditAction.SIGNING_PIN_CHECKED, me(), certificate.serial(), null));
        return new Release(Base64.getDecoder().decode(vault.unseal(guard.sealedSecret())), null, null);
    }

    /** The secret, or the code and its argument of a wrong or locked PIN. */
    public record Release(byte[] secret, ErrorCode refusal, Object argument) {

        static Release refused(ErrorCode code, Object argument) {
            return new Release(null, code, argument);
        }

        /** The secret; throws the refusal (outside the transaction that counted it). */
        public byte[] secretOrThrow() {
            if (refusal != null) {
                throw new MedsignException(refusal, argument);
            }
            return secret.clone();
        }
    }

    private Certificate liveCertificate(String serial, AuditAction action) {
        Certificate certificate = em.createQuery("select c from Certificate c where c.serial = :s", Certificate.class)
                .setParameter("s", serial == null ? "" : serial.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().orElse(null);
        if (certificate == null || !certificate.owner().equals(me())) {
            audit.record(AuditRecord.denied(action, me(), serial, ErrorCode.CERTIFICATE_NOT_FOUND, null));
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_FOUND);
        }
        CertificateStatus status = certificate.statusAt(Instant.now());
        if (status != CertificateStatus.ISSUED && status != CertificateStatus.DOWNLOADED) {
            throw refused(action, serial, ErrorCode.CERTIFICATE_NOT_VALID);
        }
        return certificate;
    }

    private PinGuard guard(String serial, LockModeType lock) {
        List<PinGuard> found = em.createQuery("select g from PinGuard g where g.certificateSerial = :s", PinGuard.class)
                .setParameter("s", serial).setLockMode(lock).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static byte[] verifier(String base64) {
        try {
            byte[] verifier = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
            if (verifier.length == VERIFIER_BYTES) {
                return verifier;
            }
        } catch (IllegalArgumentException e) {
            // not base64: malformed like a wrong length
        }
        throw new MedsignException(ErrorCode.MALFORMED_REQUEST, "verifier");
    }

    private MedsignException refused(AuditAction action, String serial, ErrorCode code) {
        audit.record(AuditRecord.failure(action, me(), serial, code, null));
        return new MedsignException(code);
    }

    private String lockTime(Instant until) {
        return LOCK_TIME.format(until.atZone(ZoneId.of(timeZone)));
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
