package org.medsign.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * The Taiwanese rule for electronic medical records: a record is signed within 24 hours of being made
 * ({@code medsign.deadline.hours}); records due within {@code medsign.deadline.warn-hours} are approaching.
 */
@ApplicationScoped
public class SigningDeadline {

    @Inject
    @ConfigProperty(name = "medsign.deadline.hours", defaultValue = "24")
    int hours;

    @Inject
    @ConfigProperty(name = "medsign.deadline.warn-hours", defaultValue = "4")
    int warnHours;

    public Instant dueAt(Instant createdAt) {
        return createdAt.plus(Duration.ofHours(hours));
    }

    public DeadlineState state(Instant createdAt, Instant now) {
        Instant due = dueAt(createdAt);
        if (!now.isBefore(due)) {
            return DeadlineState.OVERDUE;
        }
        return now.isBefore(due.minus(Duration.ofHours(warnHours))) ? DeadlineState.IN_TIME : DeadlineState.APPROACHING;
    }

    /** Records created before this are overdue now. */
    public Instant overdueBefore(Instant now) {
        return now.minus(Duration.ofHours(hours));
    }

    /** Records created before this (and not overdue) are approaching now. */
    public Instant approachingBefore(Instant now) {
        return now.minus(Duration.ofHours(hours - (long) warnHours));
    }
}
