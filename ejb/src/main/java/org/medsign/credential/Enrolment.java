package org.medsign.credential;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.device.DeviceKeys;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;
import org.medsign.staff.StaffDirectory;
import org.medsign.staff.StaffProfile;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Enrolment from the phone (M15–M17), for the logged-in app: everything the phone sends is checked before
 * the ticket is touched — the CSR (its own proof of possession, key rules, subject), the chosen device's
 * signature, and that the key is new — then {@link EnrolmentDesk} redeems the ticket and issues (正常).
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class Enrolment {

    @Resource
    SessionContext caller;

    @Inject
    DeviceKeys devices;

    @Inject
    StaffDirectory directory;

    @Inject
    EnrolmentDesk desk;

    @Inject
    AuditLog audit;

    public static byte[] deviceSignedMessage(String ticket, String csrSha256Hex) {
        return ("medsign-enrol-v1\n" + ticket + "\n" + csrSha256Hex).getBytes(StandardCharsets.UTF_8);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedCertificate enrol(EnrolRequest request, URI pkiBase, String clientAddress) {
        String me = caller.getCallerPrincipal().getName();
        // the request's shape was checked by its constraints at the API (EnrolRequest)
        String ticket = request.ticket();
        EnrolmentDesk.Outcome outcome;
        try {
            CheckedCsr csr = CsrCheck.check(request.csr(), me);
            devices.verify(request.deviceId(), me, deviceSignedMessage(ticket, Pki.sha256Hex(csr.der())),
                    request.deviceSignature());
            if (devices.isDeviceKey(csr.fingerprint())) {
                throw new MedsignException(ErrorCode.SIGNING_KEY_ALREADY_USED);
            }
            StaffProfile profile = directory.myProfile(null);
            outcome = desk.redeem(ticket, request.code(), me, request.deviceId(), csr,
                    new CertificateHolder(me, profile.name(), profile.siteCode()), pkiBase, Instant.now());
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.CERTIFICATE_ISSUED, me, ticket, e.errorCode(), clientAddress));
            throw e;
        }
        if (outcome.refusal() != null) {
            audit.record(AuditRecord.failure(AuditAction.CERTIFICATE_ISSUED, me, ticket, outcome.refusal(), clientAddress));
            throw new MedsignException(outcome.refusal(), outcome.arguments());
        }
        audit.record(AuditRecord.success(AuditAction.CERTIFICATE_ISSUED, me, outcome.certificate().serial(), clientAddress));
        return outcome.certificate();
    }
}
