package org.medsign.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.medsign.ticket.TicketSecret;

import java.time.Duration;
import java.time.Instant;

/**
 * 取得 QRCode 成功 (M13): the QR code and password the phone redeems to enrol (M15), for one application,
 * one person and one device, under the same rules as a binding ticket.
 */
@Entity
@Table(name = "enrolment_ticket")
public class EnrolmentTicket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrolment_ticket_seq")
    @SequenceGenerator(name = "enrolment_ticket_seq", sequenceName = "enrolment_ticket_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false, unique = true, length = 64)
    private String ticketId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    private CertificateApplication application;

    @Column(nullable = false, length = 16)
    private String owner;

    @Column(name = "device_id", nullable = false, length = 36)
    private String deviceId;

    @Embedded
    private TicketSecret secret;

    @Version
    private long version;

    protected EnrolmentTicket() {
    }

    EnrolmentTicket(String ticketId, CertificateApplication application, String code, Instant now, Duration lifetime) {
        this.ticketId = ticketId;
        this.application = application;
        this.owner = application.applicant();
        this.deviceId = application.deviceId();
        this.secret = new TicketSecret(code, now, lifetime);
    }

    public String ticketId() {
        return ticketId;
    }

    public CertificateApplication application() {
        return application;
    }

    public String owner() {
        return owner;
    }

    public String deviceId() {
        return deviceId;
    }

    public TicketSecret secret() {
        return secret;
    }
}
