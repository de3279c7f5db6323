package org.medsign.signing.eportal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.device.DeviceKeys;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * E Portal 綁定裝置 (M19): the logged-in app binds its device to the employee number, once, from the hospital
 * intranet, proving the device by its key. Afterwards the device signs from anywhere (M20–M23).
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME})
public class EPortal {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    DeviceKeys devices;

    @Inject
    Intranet intranet;

    @Inject
    AuditLog audit;

    public static byte[] bindingMessage(String employeeNumber, String deviceId) {
        return ("medsign-eportal-v1\n" + employeeNumber + "\n" + deviceId).getBytes(StandardCharsets.UTF_8);
    }

    /** @param client the phone's address as the edge read it ({@link Intranet#clientAddress}: proxies' word only if trusted) */
    public Instant bind(String deviceId, String deviceSignature, String client) {
        String me = caller.getCallerPrincipal().getName();
        try {
            if (!intranet.contains(client)) {
                throw new MedsignException(ErrorCode.EPORTAL_OUTSIDE_INTRANET);
            }
            devices.verify(deviceId, me, bindingMessage(me, deviceId), deviceSignature);
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.EPORTAL_BOUND, me, deviceId, e.errorCode(), client));
            throw e;
        }
        EPortalBinding binding = em.createQuery("select b from EPortalBinding b where b.deviceId = :d", EPortalBinding.class)
                .setParameter("d", deviceId).getResultStream().findFirst().orElse(null);
        if (binding == null) {
            binding = new EPortalBinding(me, deviceId, Instant.now(), client);
            em.persist(binding);
        }
        audit.record(AuditRecord.success(AuditAction.EPORTAL_BOUND, me, deviceId, client));
        return binding.boundAt();
    }

    /** The device is bound to the caller's employee number and still a bound device of theirs (MS-5013 otherwise). */
    public void requireBound(String deviceId) {
        String me = caller.getCallerPrincipal().getName();
        boolean bound = deviceId != null && !em.createQuery(
                        "select b.id from EPortalBinding b where b.deviceId = :d and b.employeeNumber = :me")
                .setParameter("d", deviceId).setParameter("me", me).getResultList().isEmpty();
        if (!bound) {
            throw new MedsignException(ErrorCode.EPORTAL_NOT_BOUND);
        }
        devices.boundDevice(deviceId, me);
    }
}
