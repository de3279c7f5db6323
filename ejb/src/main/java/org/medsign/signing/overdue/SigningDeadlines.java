package org.medsign.signing.overdue;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.kernel.Role;
import org.medsign.signing.deadline.DeadlineRule;
import org.medsign.signing.pending.PendingRecord;
import org.medsign.signing.pending.PendingView;
import org.medsign.signing.pending.PendingWindow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 24-hour rule over the pending index: a person's approaching and overdue records (首頁), the same per person
 * and per department for IT, and the signing-deadline job's hand-over of newly overdue versions to
 * {@link OverdueRecord.Batch} observers (the institution-signing seam). How many overdue versions the institution
 * signed meanwhile is asked of {@link InstitutionCoverage}; the institution's table is not read here.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class SigningDeadlines {

    private static final String UNSIGNED = "(p.signed_version IS NULL OR p.signed_version <> p.version)";
    private static final String VISIBLE = "p.author = :a and p.hisModifiedAt >= :from"
            + " and (p.signedVersion is null or p.signedVersion <> p.version)";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    DeadlineRule deadline;

    @Inject
    PendingWindow window;

    @Inject
    Event<OverdueRecord.Batch> overdueEvents;

    @Inject
    Instance<InstitutionCoverage> coverage;

    /** The caller's pending records against the deadline, the oldest first. */
    public DeadlineSummary mine(int soonest) {
        return summary(caller.getCallerPrincipal().getName(), soonest);
    }

    /** Anyone's summary, for the signing-reminders job (which runs without a caller). */
    @PermitAll
    public DeadlineSummary summaryOf(String employeeNumber, int soonest) {
        return summary(employeeNumber, soonest);
    }

    /** The counts go by {@code his_created_at}: the deadline runs from first creation (see {@link DeadlineRule}). */
    private DeadlineSummary summary(String me, int soonest) {
        Instant now = Instant.now();
        Object[] c = (Object[]) em.createNativeQuery("SELECT COUNT(*), SUM(CASE WHEN p.his_created_at < ? AND p.his_created_at >= ?"
                        + " THEN 1 ELSE 0 END), SUM(CASE WHEN p.his_created_at < ? THEN 1 ELSE 0 END)"
                        + " FROM pending_record p WHERE p.author = ? AND p.his_modified_at >= ? AND " + UNSIGNED)
                .setParameter(1, at(deadline.approachingBefore(now))).setParameter(2, at(deadline.overdueBefore(now)))
                .setParameter(3, at(deadline.overdueBefore(now))).setParameter(4, me).setParameter(5, at(window.start(now)))
                .getSingleResult();
        // only overdue versions are handed to the institution, so only they can carry its signature
        List<RecordVersion> overdue = em.createQuery("select p.hisRecordId, p.version from PendingRecord p where " + VISIBLE
                        + " and p.hisCreatedAt < :due", Object[].class)
                .setParameter("a", me).setParameter("from", window.start(now)).setParameter("due", deadline.overdueBefore(now))
                .getResultStream().map(r -> new RecordVersion((Long) r[0], (Integer) r[1])).toList();
        List<PendingView> items = em.createQuery("select p from PendingRecord p where " + VISIBLE
                        + " order by p.hisCreatedAt, p.hisRecordId", PendingRecord.class)
                .setParameter("a", me).setParameter("from", window.start(now))
                .setMaxResults(soonest).getResultStream().map(p -> p.view(deadline, now)).toList();
        return new DeadlineSummary(number(c[0]), number(c[1]), number(c[2]), covered(overdue).size(), items);
    }

    /** Per person ({@code byDepartment} false) or per department: who has records approaching or past the deadline. */
    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<DeadlineRow> board(boolean byDepartment, int max) {
        Instant now = Instant.now();
        String key = byDepartment ? "COALESCE(p.department, '-')" : "p.author";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + key + ", p.site_code, SUM(CASE WHEN p.his_created_at >= ?"
                        + " THEN 1 ELSE 0 END), SUM(CASE WHEN p.his_created_at < ? THEN 1 ELSE 0 END), MIN(p.his_created_at)"
                        + " FROM pending_record p WHERE p.his_created_at < ? AND p.his_modified_at >= ? AND " + UNSIGNED
                        + " GROUP BY " + key + ", p.site_code ORDER BY 4 DESC, 3 DESC, 1")
                .setParameter(1, at(deadline.overdueBefore(now))).setParameter(2, at(deadline.overdueBefore(now)))
                .setParameter(3, at(deadline.approachingBefore(now))).setParameter(4, at(window.start(now)))
                .setMaxResults(max).getResultList();
        Map<CoveredCounts.Line, Long> covered = coveredPerLine(key, now);
        List<DeadlineRow> board = new ArrayList<>();
        for (Object[] r : rows) {
            Instant earliest = r[4] instanceof OffsetDateTime o ? o.toInstant()
                    : ((java.sql.Timestamp) r[4]).toInstant();
            board.add(new DeadlineRow((String) r[0], (String) r[1], number(r[2]), number(r[3]),
                    covered.getOrDefault(new CoveredCounts.Line((String) r[0], (String) r[1]), 0L), deadline.dueAt(earliest)));
        }
        return board;
    }

    /** The board's institution-signed counts: its overdue versions, grouped as the board groups them. */
    private Map<CoveredCounts.Line, Long> coveredPerLine(String key, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> overdue = em.createNativeQuery("SELECT " + key + ", p.site_code, p.his_record_id, p.version"
                        + " FROM pending_record p WHERE p.his_created_at < ? AND p.his_modified_at >= ? AND " + UNSIGNED)
                .setParameter(1, at(deadline.overdueBefore(now))).setParameter(2, at(window.start(now))).getResultList();
        List<CoveredCounts.Row> rows = overdue.stream().map(r -> new CoveredCounts.Row(
                new CoveredCounts.Line((String) r[0], (String) r[1]),
                new RecordVersion(((Number) r[2]).longValue(), ((Number) r[3]).intValue()))).toList();
        return CoveredCounts.count(rows, covered(rows.stream().map(CoveredCounts.Row::version).toList()));
    }

    /** None when institution signing is not deployed (its module answers through {@link InstitutionCoverage}). */
    private Set<RecordVersion> covered(Collection<RecordVersion> versions) {
        return versions.isEmpty() || coverage.isUnsatisfied() ? Set.of() : coverage.get().signedAmong(versions);
    }

    /** Overdue versions not handed over yet, by record id after {@code afterId} (the signing-deadline job's reader). */
    @PermitAll
    public List<OverdueRecord> newlyOverdue(long afterId, int limit) {
        Instant now = Instant.now();
        return em.createQuery("select p from PendingRecord p where p.hisRecordId > :after and p.hisCreatedAt < :due"
                        + " and p.hisModifiedAt >= :from and (p.signedVersion is null or p.signedVersion <> p.version)"
                        + " and (p.overdueVersion is null or p.overdueVersion <> p.version) order by p.hisRecordId",
                        PendingRecord.class)
                .setParameter("after", afterId).setParameter("due", deadline.overdueBefore(now))
                .setParameter("from", window.start(now)).setMaxResults(limit)
                .getResultStream().map(SigningDeadlines::overdue).toList();
    }

    /** Marks the versions handed over and tells the observers, in the caller's (chunk) transaction. */
    @PermitAll
    public void handOver(List<OverdueRecord> records) {
        for (OverdueRecord r : records) {
            em.createQuery("update PendingRecord p set p.overdueVersion = :v where p.hisRecordId = :id and p.version = :v")
                    .setParameter("v", r.version()).setParameter("id", r.recordId()).executeUpdate();
        }
        overdueEvents.fire(new OverdueRecord.Batch(List.copyOf(records)));
    }

    private static OverdueRecord overdue(PendingRecord p) {
        return new OverdueRecord(p.hisRecordId(), p.version(), p.author(), p.siteCode(), p.department(), p.hisCreatedAt(),
                p.digest());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
