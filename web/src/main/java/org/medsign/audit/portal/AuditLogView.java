package org.medsign.audit.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditEntryView;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditQuery;
import org.medsign.audit.AuditVerifier;
import org.medsign.audit.ChainVerification;
import org.medsign.ops.AuditSeal;
import org.medsign.portal.PortalTime;
import org.medsign.portal.Services;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** 稽核紀錄: search the events, verify the chain, and (IT) seal its head now. */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ROWS = 500;

    @Inject
    transient AuditLog log;

    @Inject
    transient AuditVerifier verifier;

    @Inject
    transient AuditSeal seal;

    @Inject
    transient PortalTime time;

    private String actor;
    private AuditAction action;
    private AuditOutcome outcome;
    private LocalDate from;
    private LocalDate to;
    private List<AuditEntryView> events;
    private ChainVerification verification;

    public void search() {
        events = log().search(query(actor, action, outcome, from, to, time().zone()), MAX_ROWS);
    }

    /** The filters as typed: any actor spelling, and whole days from {@code from} through {@code to} in {@code zone}. */
    static AuditQuery query(String actor, AuditAction action, AuditOutcome outcome, LocalDate from, LocalDate to,
                            ZoneId zone) {
        return new AuditQuery(actor == null || actor.isBlank() ? null : actor.strip().toUpperCase(Locale.ROOT),
                action, outcome, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public void verify() {
        verification = verifier().verify();
    }

    public void sealNow() {
        seal().sealNow();
        verify();
    }

    public List<AuditEntryView> getEvents() {
        if (events == null) {
            search();
        }
        return events;
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public AuditOutcome[] getOutcomes() {
        return AuditOutcome.values();
    }

    public ChainVerification getVerification() {
        return verification;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor == null ? null : actor.substring(0, Math.min(32, actor.length()));
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(AuditOutcome outcome) {
        this.outcome = outcome;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    // The services live in transient fields (see Services): after a move to another node they are found again.

    private AuditLog log() {
        return log = Services.kept(log, AuditLog.class);
    }

    private AuditVerifier verifier() {
        return verifier = Services.kept(verifier, AuditVerifier.class);
    }

    private AuditSeal seal() {
        return seal = Services.kept(seal, AuditSeal.class);
    }

    private PortalTime time() {
        return time = Services.kept(time, PortalTime.class);
    }
}
