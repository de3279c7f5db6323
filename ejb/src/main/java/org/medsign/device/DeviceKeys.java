package org.medsign.device;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.time.Instant;

/**
 * What other capabilities ask of a bound device: does this signature come from the device key of this
 * person's bound device? Used for enrolment (M15) and E Portal binding (M19); nothing else is trusted from a phone.
 */
@Stateless
@PermitAll
public class DeviceKeys {

    @PersistenceContext
    EntityManager em;

    /** Verifies the device's signature and notes the use; refuses unknown, removed and other people's devices. */
    public DeviceView verify(String deviceId, String owner, byte[] message, String signatureBase64) {
        Device device = em.createQuery("select d from Device d where d.publicId = :id", Device.class)
                .setParameter("id", deviceId == null ? "" : deviceId)
                .getResultStream().findFirst().orElse(null);
        if (device == null || device.status() != DeviceStatus.BOUND || !device.owner().equals(owner)) {
            throw new MedsignException(ErrorCode.DEVICE_NOT_FOUND);
        }
        device.key().verify(message, signatureBase64);
        device.used(Instant.now());
        return device.view();
    }

    /** A bound device of this person, or MS-3014. */
    public DeviceView boundDevice(String deviceId, String owner) {
        return em.createQuery("select d from Device d where d.publicId = :id and d.owner = :o and d.status = :s", Device.class)
                .setParameter("id", deviceId).setParameter("o", owner).setParameter("s", DeviceStatus.BOUND)
                .getResultStream().findFirst().map(Device::view)
                .orElseThrow(() -> new MedsignException(ErrorCode.DEVICE_NOT_FOUND));
    }

    /** Whether a public key (by its SHA-256 fingerprint) is some device's key: signing keys must be new keys. */
    public boolean isDeviceKey(String fingerprint) {
        return !em.createQuery("select d.id from Device d where d.keyFingerprint = :f")
                .setParameter("f", fingerprint).getResultList().isEmpty();
    }
}
