package org.medsign.audit.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditEvent;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditQuery;
import org.medsign.audit.AuditVerifier;
import org.medsign.audit.ChainVerification;
import org.medsign.ops.AuditSeal;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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

    private String actor;
    private AuditAction action;
    private AuditOutcome outcome;
    private LocalDate from;
    private LocalDate to;
    private List<AuditEvent> events;
    private ChainVerification verification;

    public void search() {
        ZoneId zone = ZoneId.of("Asia/Taipei");
        events = log.search(new AuditQuery(actor == null || actor.isBlank() ? null : actor.strip().toUpperCase(java.util.Locale.ROOT),
                action, outcome, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant()), MAX_ROWS);
    }

    public void verify() {
        verification = verifier.verify();
    }

    public void sealNow() {
        seal.sealNow();
        verify();
    }

    public List<AuditEvent> getEvents() {
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
}
