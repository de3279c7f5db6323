package org.medsign.device;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.medsign.ticket.TicketSecret;
import org.medsign.ticket.TicketStatus;

import java.time.Duration;
import java.time.Instant;

/** 匯入載具: the QR code and password that let a phone bind itself as a named device of its owner. */
@Entity
@Table(name = "binding_ticket")
public class BindingTicket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "binding_ticket_seq")
    @SequenceGenerator(name = "binding_ticket_seq", sequenceName = "binding_ticket_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false, unique = true, length = 64)
    private String ticketId;

    @Column(nullable = false, length = 16)
    private String owner;

    @Column(name = "device_name", nullable = false, length = 30)
    private String deviceName;

    @Column(name = "device_note", length = 60)
    private String deviceNote;

    @Embedded
    private TicketSecret secret;

    @Column(name = "device_public_id", length = 36)
    private String devicePublicId;

    @Version
    private long version;

    protected BindingTicket() {
    }

    BindingTicket(String ticketId, String owner, String deviceName, String deviceNote, String code, Instant now,
                  Duration lifetime) {
        this.ticketId = ticketId;
        this.owner = owner;
        this.deviceName = deviceName;
        this.deviceNote = deviceNote;
        this.secret = new TicketSecret(code, now, lifetime);
    }

    void usedBy(Device device, Instant now) {
        secret.use(now);
        devicePublicId = device.publicId();
    }

    public String ticketId() {
        return ticketId;
    }

    public String owner() {
        return owner;
    }

    public String deviceName() {
        return deviceName;
    }

    public String deviceNote() {
        return deviceNote;
    }

    public TicketSecret secret() {
        return secret;
    }

    public String devicePublicId() {
        return devicePublicId;
    }

    public TicketStatus statusAt(Instant now) {
        return secret.statusAt(now);
    }
}
