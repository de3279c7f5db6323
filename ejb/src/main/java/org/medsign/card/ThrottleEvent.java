package org.medsign.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One counted event of a client address (a failed card check, an issued challenge), in the shared database. */
@Entity
@Table(name = "throttle_event")
public class ThrottleEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "throttle_event_seq")
    @SequenceGenerator(name = "throttle_event_seq", sequenceName = "throttle_event_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String subject;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected ThrottleEvent() {
    }

    ThrottleEvent(String kind, String subject, Instant at) {
        this.kind = kind;
        this.subject = subject;
        this.occurredAt = at;
    }
}
