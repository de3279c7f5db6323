package org.medsign.device;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.medsign.error.ErrorCode;
import org.medsign.ticket.TicketSecret;

import java.time.Instant;

/**
 * Redeems a binding ticket in one transaction that always commits: the ticket row is locked, so of two
 * phones racing for it exactly one wins; a wrong code is counted even though the binding is refused.
 * Refusals are returned, not thrown, so the count is not rolled back.
 */
@Stateless
@PermitAll
public class BindingDesk {

    @PersistenceContext
    EntityManager em;

    public Outcome redeem(String ticketId, String code, DeviceKey key, DeviceInfo info, Instant now) {
        BindingTicket ticket = em.createQuery("select t from BindingTicket t where t.ticketId = :id", BindingTicket.class)
                .setParameter("id", ticketId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (ticket == null) {
            return Outcome.refused(ErrorCode.TICKET_UNKNOWN, null);
        }
        TicketSecret.Verdict verdict = ticket.secret().check(code, now);
        switch (verdict) {
            case ACCEPTED -> { }
            case WRONG_CODE -> { return Outcome.refused(ErrorCode.TICKET_CODE_WRONG, ticket, ticket.secret().triesLeft()); }
            case LOCKED -> { return Outcome.refused(ErrorCode.TICKET_LOCKED, ticket); }
            case EXPIRED -> { return Outcome.refused(ErrorCode.TICKET_EXPIRED, ticket); }
            case USED -> { return Outcome.refused(ErrorCode.TICKET_USED, ticket); }
            case REPLACED -> { return Outcome.refused(ErrorCode.TICKET_REPLACED, ticket); }
        }
        if (!em.createQuery("select d.id from Device d where d.keyFingerprint = :f")
                .setParameter("f", key.fingerprint()).getResultList().isEmpty()) {
            return Outcome.refused(ErrorCode.DEVICE_KEY_ALREADY_BOUND, ticket);
        }
        if (!em.createQuery("select d.id from Device d where d.owner = :o and d.activeName = :n")
                .setParameter("o", ticket.owner()).setParameter("n", ticket.deviceName()).getResultList().isEmpty()) {
            return Outcome.refused(ErrorCode.DEVICE_NAME_TAKEN, ticket, ticket.deviceName());
        }
        Device device = new Device(ticket, key, info, now);
        em.persist(device);
        ticket.usedBy(device, now);
        return new Outcome(new BoundDevice(device.publicId(), device.name(), device.owner(), now), null, ticket.owner(),
                new Object[0]);
    }

    /** Either the bound device or the reason the ticket refused it. */
    public record Outcome(BoundDevice device, ErrorCode refusal, String owner, Object[] arguments) {

        static Outcome refused(ErrorCode code, BindingTicket ticket, Object... arguments) {
            return new Outcome(null, code, ticket == null ? null : ticket.owner(), arguments);
        }
    }
}
