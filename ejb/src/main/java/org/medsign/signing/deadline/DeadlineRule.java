package org.medsign.signing.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * The Taiwanese rule for electronic medical records: a record is signed within 24 hours of being made
 * ({@code medsign.deadline.hours}); records due within {@code medsign.deadline.warn-hours} are approaching.
 * <p>
 * The clock starts at the record's first creation ({@code createdAt}) and a later modification does not move it: a
 * record made on Monday and corrected on Wednesday was due on Tuesday, and signing it now is late (補簽, with a delay
 * reason). So a modified record may show a due time before its modification time; lists show the creation time
 * beside the due time for that reason.
 */
@ApplicationScoped
public class DeadlineRule {

    @Inject
    @ConfigProperty(name = "medsign.deadline.hours", defaultValue = "24")
    int hours;

    @Inject
    @ConfigProperty(name = "medsign.deadline.warn-hours", defaultValue = "4")
    int warnHours;

    /** The rule outside the container (tests, tools), with its hours given. */
    public static DeadlineRule of(int hours, int warnHours) {
        DeadlineRule rule = new DeadlineRule();
        rule.hours = hours;
        rule.warnHours = warnHours;
        return rule;
    }

    /** When a record made at {@code createdAt} is due, whatever its later modifications. */
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
