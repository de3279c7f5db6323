package org.medsign.credential;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.device.DeviceKey;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * 下載憑證 (M17–M18): the phone fetches its certificate with the chain, then acknowledges with a signature by
 * the new key over {@code "medsign-ack-v1\n<serial>\n<hex SHA-256 of the DER certificate>"} — only then is
 * it 已下載 and able to sign. It supersedes (revokes) the certificate the device had before.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class CertificateDownload {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    CertificateAuthority ca;

    @Inject
    AuditLog audit;

    @Inject
    Event<CertificateRevoked> revocations;

    public static byte[] acknowledgementMessage(String serial, String certificateSha256Hex) {
        return ("medsign-ack-v1\n" + serial + "\n" + certificateSha256Hex).getBytes(StandardCharsets.UTF_8);
    }

    /** The certificate first, then the issuing CA and the root. */
    public List<X509Certificate> download(String serial) {
        Certificate certificate = mine(serial, AuditAction.CERTIFICATE_DOWNLOADED);
        CertificateStatus status = certificate.statusAt(Instant.now());
        if (status != CertificateStatus.ISSUED && status != CertificateStatus.DOWNLOADED) {
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_DOWNLOADABLE, status);
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate.x509());
        // issued before a CA rollover: the retired generation's CA above it (the registry records which, so no
        // signature needs checking to find it)
        CaCertificates authorities = ca.certificates();
        chain.add(authorities.generation(certificate.caGeneration()).map(CaGeneration::issuing)
                .orElse(authorities.issuing()));
        chain.add(authorities.root());
        return chain;
    }

    public CertificateView acknowledge(String serial, String signatureBase64) {
        Certificate certificate = mine(serial, AuditAction.CERTIFICATE_DOWNLOADED);
        em.lock(certificate, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        CertificateStatus status = certificate.statusAt(now);
        if (status == CertificateStatus.DOWNLOADED) {
            return certificate.view();
        }
        if (status != CertificateStatus.ISSUED) {
            throw refused(serial, ErrorCode.CERTIFICATE_NOT_DOWNLOADABLE, status);
        }
        DeviceKey key = DeviceKey.parse(Base64.getEncoder().encodeToString(certificate.x509().getPublicKey().getEncoded()));
        try {
            key.verify(acknowledgementMessage(serial, Pki.sha256Hex(certificate.encoded())), signatureBase64);
        } catch (MedsignException e) {
            throw refused(serial, ErrorCode.ACKNOWLEDGEMENT_INVALID);
        }
        certificate.downloaded(now);
        em.createQuery("select c from Certificate c where c.deviceId = :d and c.serial <> :s and c.status in :live",
                        Certificate.class)
                .setParameter("d", certificate.deviceId()).setParameter("s", serial)
                .setParameter("live", List.of(CertificateStatus.ISSUED, CertificateStatus.DOWNLOADED))
                .getResultStream()
                .filter(old -> old.revoke(RevocationReason.SUPERSEDED, now))
                .forEach(old -> revocations.fire(new CertificateRevoked(old.serial(), RevocationReason.SUPERSEDED)));
        audit.record(AuditRecord.success(AuditAction.CERTIFICATE_DOWNLOADED, me(), serial, null));
        return certificate.view();
    }

    private Certificate mine(String serial, AuditAction action) {
        Certificate certificate = em.createQuery("select c from Certificate c where c.serial = :s", Certificate.class)
                .setParameter("s", serial == null ? "" : serial.toLowerCase(java.util.Locale.ROOT))
                .getResultStream().findFirst().orElse(null);
        if (certificate == null || !certificate.owner().equals(me())) {
            audit.record(AuditRecord.denied(action, me(), serial, ErrorCode.CERTIFICATE_NOT_FOUND, null));
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_FOUND);
        }
        return certificate;
    }

    private MedsignException refused(String serial, ErrorCode code, Object... arguments) {
        audit.record(AuditRecord.failure(AuditAction.CERTIFICATE_DOWNLOADED, me(), serial, code, null));
        return new MedsignException(code, arguments);
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
