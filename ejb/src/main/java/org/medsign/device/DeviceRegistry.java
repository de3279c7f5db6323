package org.medsign.device;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;
import org.medsign.ticket.TicketCode;
import org.medsign.ticket.TicketStatus;
import org.medsign.ticket.TicketUri;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * 行動裝置管理 for the logged-in staff member: import a device (issue a binding ticket, M6–M7), follow it
 * until the phone binds, list, rename and remove devices. Everyone acts on their own devices only.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class DeviceRegistry {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    AuditLog audit;

    @Inject
    Event<DeviceRemoved> removals;

    @Inject
    @ConfigProperty(name = "medsign.binding.ticket-minutes", defaultValue = "10")
    int ticketMinutes;

    /** 取得QRCode: a new ticket for a device name; an older open ticket for the same name stops working. */
    public IssuedTicket issueTicket(String name, String note, URI server) {
        String owner = me();
        String deviceName;
        String deviceNote;
        try {
            deviceName = DeviceNames.name(name);
            deviceNote = DeviceNames.note(note);
            if (activeDevice(owner, deviceName) != null) {
                throw new MedsignException(ErrorCode.DEVICE_NAME_TAKEN, deviceName);
            }
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.BINDING_TICKET_ISSUED, owner, null, e.errorCode(), null));
            throw e;
        }
        em.createQuery("select t from BindingTicket t where t.owner = :o and t.deviceName = :n", BindingTicket.class)
                .setParameter("o", owner).setParameter("n", deviceName)
                .getResultStream().forEach(t -> t.secret().replace());
        String code = TicketCode.newCode();
        Instant now = Instant.now();
        BindingTicket ticket = new BindingTicket(TicketCode.newTicketId(), owner, deviceName, deviceNote, code, now,
                Duration.ofMinutes(ticketMinutes));
        em.persist(ticket);
        audit.record(AuditRecord.success(AuditAction.BINDING_TICKET_ISSUED, owner, ticket.ticketId(), null));
        String uri = new TicketUri("bind", server, ticket.ticketId()).format();
        return new IssuedTicket(ticket.ticketId(), uri, code, deviceName, ticket.secret().expiresAt());
    }

    public TicketProgress progress(String ticketId) {
        BindingTicket ticket = em.createQuery("select t from BindingTicket t where t.ticketId = :id and t.owner = :o",
                        BindingTicket.class)
                .setParameter("id", ticketId).setParameter("o", me())
                .getResultStream().findFirst()
                .orElseThrow(() -> new MedsignException(ErrorCode.TICKET_UNKNOWN));
        Instant now = Instant.now();
        TicketStatus status = ticket.statusAt(now);
        long left = status == TicketStatus.ISSUED ? Duration.between(now, ticket.secret().expiresAt()).toSeconds() : 0;
        return new TicketProgress(status, ticket.devicePublicId(), Math.max(0, left));
    }

    public List<DeviceView> myDevices() {
        return em.createQuery("select d from Device d where d.owner = :o and d.status = :s order by d.boundAt desc",
                        Device.class)
                .setParameter("o", me()).setParameter("s", DeviceStatus.BOUND)
                .getResultStream().map(Device::view).toList();
    }

    /** A person's devices, bound and removed, newest first, for IT's person page. */
    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<DeviceView> devicesOf(String employeeNumber) {
        return em.createQuery("select d from Device d where d.owner = :o order by d.boundAt desc", Device.class)
                .setParameter("o", employeeNumber).getResultStream().map(Device::view).toList();
    }

    public DeviceView rename(String deviceId, String newName) {
        Device device = myDevice(deviceId, AuditAction.DEVICE_RENAMED);
        String name = DeviceNames.name(newName);
        Device other = activeDevice(device.owner(), name);
        if (other != null && other != device) {
            throw new MedsignException(ErrorCode.DEVICE_NAME_TAKEN, name);
        }
        device.rename(name);
        audit.record(AuditRecord.success(AuditAction.DEVICE_RENAMED, me(), deviceId, null));
        return device.view();
    }

    /** Removes a device for good; its certificates are revoked by the credential capability (it observes removal). */
    public void remove(String deviceId) {
        Device device = myDevice(deviceId, AuditAction.DEVICE_REMOVED);
        device.remove(Instant.now());
        removals.fire(new DeviceRemoved(deviceId, device.owner()));
        audit.record(AuditRecord.success(AuditAction.DEVICE_REMOVED, me(), deviceId, null));
    }

    /** Bound devices and open binding tickets, for IT's monitoring (JMX). */
    @PermitAll
    public DeviceStatistics statistics() {
        long bound = em.createQuery("select count(d) from Device d where d.status = :s", Long.class)
                .setParameter("s", DeviceStatus.BOUND).getSingleResult();
        long open = em.createQuery("select count(t) from BindingTicket t where t.secret.status = :s and t.secret.expiresAt > :now",
                        Long.class).setParameter("s", TicketStatus.ISSUED).setParameter("now", Instant.now()).getSingleResult();
        return new DeviceStatistics(bound, open);
    }

    /** Deletes binding tickets that expired before {@code before} (credential-upkeep): used or not, they are dead. */
    @PermitAll
    public int purgeBindingTickets(Instant before) {
        return em.createQuery("delete from BindingTicket t where t.secret.expiresAt < :before")
                .setParameter("before", before).executeUpdate();
    }

    private Device myDevice(String deviceId, AuditAction action) {
        String owner = me();
        return em.createQuery("select d from Device d where d.publicId = :id and d.owner = :o and d.status = :s",
                        Device.class)
                .setParameter("id", deviceId).setParameter("o", owner).setParameter("s", DeviceStatus.BOUND)
                .getResultStream().findFirst()
                .orElseThrow(() -> {
                    audit.record(AuditRecord.denied(action, owner, deviceId,
                            ErrorCode.DEVICE_NOT_FOUND, null));
                    return new MedsignException(ErrorCode.DEVICE_NOT_FOUND);
                });
    }

    private Device activeDevice(String owner, String name) {
        return em.createQuery("select d from Device d where d.owner = :o and d.activeName = :n", Device.class)
                .setParameter("o", owner).setParameter("n", name)
                .getResultStream().findFirst().orElse(null);
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
