package org.medsign.batch.upkeep;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.credential.CredentialUpkeep;
import org.medsign.device.DeviceRegistry;

import java.time.Duration;
import java.time.Instant;

/**
 * Deletes binding and enrolment tickets that expired longer ago than
 * {@code medsign.jobs.credential-upkeep.ticket-retention-hours} (24); the audit log keeps what happened to them.
 * The exit status says how many went.
 */
@Named
@Dependent
public class TicketPurge extends AbstractBatchlet {

    @Inject
    DeviceRegistry devices;

    @Inject
    CredentialUpkeep upkeep;

    @Inject
    @ConfigProperty(name = "medsign.jobs.credential-upkeep.ticket-retention-hours", defaultValue = "24")
    long retentionHours;

    @Override
    public String process() {
        Instant before = Instant.now().minus(Duration.ofHours(retentionHours));
        int binding = devices.purgeBindingTickets(before);
        int enrolment = upkeep.purgeEnrolmentTickets(before);
        return "PURGED " + binding + " binding, " + enrolment + " enrolment";
    }
}
