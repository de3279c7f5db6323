package org.medsign.signing.pending;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.his.HisGateway;
import org.medsign.his.HisRecord;
import org.medsign.his.HisRow;
import org.medsign.his.MalformedHisRecordException;
import org.medsign.kernel.Role;
import org.medsign.signing.deadline.DeadlineRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The pending list's public face (M22, M24) for the signing capability and the portal: a person's pending
 * records in the window, paged, newest first; a refresh of one person straight from the HIS; and marking a
 * version signed so it leaves the list at once, before the HIS reflects it.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class PendingIndex {

    public static final int MAX_PAGE_SIZE = 250;
    private static final int MAX_REFRESH = 5000;
    private static final Logger LOG = Logger.getLogger(PendingIndex.class.getName());
    private static final String VISIBLE = "p.author = :author and p.hisModifiedAt >= :from"
            + " and (p.signedVersion is null or p.signedVersion <> p.version)";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    PendingWindow window;

    @Inject
    DeadlineRule deadline;

    @Inject
    HisGateway his;

    @Inject
    PendingIndexWriter writer;

    @Inject
    AuditLog audit;

    /** The caller's pending records, page 0 first, newest (modified) first. */
    public PendingPage mine(int page, int size) {
        return pendingOf(me(), page, size);
    }

    /** Anyone's pending records, for IT and auditors. */
    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public PendingPage of(String employeeNumber, int page, int size) {
        return pendingOf(employeeNumber, page, size);
    }

    /** One of the caller's pending records, when it is still pending in the window. */
    public Optional<PendingView> myRecord(long recordId) {
        Instant now = Instant.now();
        return em.createQuery("select p from PendingRecord p where p.hisRecordId = :id and " + VISIBLE, PendingRecord.class)
                .setParameter("id", recordId).setParameter("author", me()).setParameter("from", window.start(now))
                .getResultStream().findFirst().map(p -> p.view(deadline, now));
    }

    /** 重新整理 (M24): reads the caller's unsigned records from the HIS now and makes the index match them. */
    public PendingIndexWriter.Reconciled refreshMine() {
        String me = me();
        Instant from = window.start(Instant.now());
        List<PendingEntry> entries = new ArrayList<>();
        for (HisRow row : his.unsignedOf(me, from, MAX_REFRESH)) {
            try {
                entries.add(PendingEntry.of(HisRecord.of(row)));
            } catch (MalformedHisRecordException e) {
                LOG.warning(e.getMessage());
            }
        }
        PendingIndexWriter.Reconciled result = writer.replaceAuthor(me, entries);
        audit.record(new AuditRecord(AuditAction.PENDING_REFRESHED, org.medsign.audit.AuditOutcome.SUCCESS, me, null,
                null, null, entries.size() + " pending"));
        return result;
    }

    /** Which of these records are the caller's and pending in the window, by record id: one read per batch. */
    public Map<Long, PendingView> myRecords(Collection<Long> recordIds) {
        Instant now = Instant.now();
        Map<Long, PendingView> found = new HashMap<>();
        if (!recordIds.isEmpty()) {
            em.createQuery("select p from PendingRecord p where p.hisRecordId in :ids and " + VISIBLE, PendingRecord.class)
                    .setParameter("ids", recordIds).setParameter("author", me()).setParameter("from", window.start(now))
                    .getResultStream().forEach(p -> found.put(p.hisRecordId(), p.view(deadline, now)));
        }
        return found;
    }

    /**
     * Hides the caller's record versions from the list once medsign holds their signatures (the signing capability
     * calls this in the transaction that stores them); only the caller's own rows of exactly that version change.
     */
    @RolesAllowed(Role.STAFF_NAME)
    public void markSigned(Map<Long, Integer> versions) {
        Map<Integer, List<Long>> byVersion = new HashMap<>();
        versions.forEach((id, version) -> byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(id));
        byVersion.forEach((version, ids) -> em.createQuery("update PendingRecord p set p.signedVersion = :v"
                        + " where p.hisRecordId in :ids and p.version = :v and p.author = :me")
                .setParameter("v", version).setParameter("ids", ids).setParameter("me", me()).executeUpdate());
    }

    private PendingPage pendingOf(String author, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "page");
        }
        Instant now = Instant.now();
        Instant from = window.start(now);
        List<PendingView> items = em.createQuery("select p from PendingRecord p where " + VISIBLE
                        + " order by p.hisModifiedAt desc, p.hisRecordId desc", PendingRecord.class)
                .setParameter("author", author).setParameter("from", from)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultStream().map(p -> p.view(deadline, now)).toList();
        // a first page that is not full is the whole list: most people's, as they sign daily; no count needed
        long total = page == 0 && items.size() < size ? items.size()
                : em.createQuery("select count(p) from PendingRecord p where " + VISIBLE, Long.class)
                .setParameter("author", author).setParameter("from", from).getSingleResult();
        return new PendingPage(items, total, page, size);
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
