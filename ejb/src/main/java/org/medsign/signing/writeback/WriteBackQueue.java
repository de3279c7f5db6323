package org.medsign.signing.writeback;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.his.HisGateway;
import org.medsign.his.WriteBackBacklog;
import org.medsign.signing.evidence.RecordSignature;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The signed marks the HIS still lacks (see the package description): read in queue order, written oldest first,
 * and counted for IT. Open to every caller: the job runs without one, and a batch's own marks are written through it
 * right after they are stored. Counts and outcomes only in the log, never who or which patient.
 */
@Stateless
@LocalBean
@Local(WriteBackBacklog.class) // beside the no-interface view, or CDI would not see it as a WriteBackBacklog
@PermitAll
public class WriteBackQueue implements WriteBackBacklog {

    /** How many older waiting marks a batch writes before its own; more are a backlog, the job's to write. */
    private static final int AHEAD = 250;
    private static final Logger LOG = Logger.getLogger(WriteBackQueue.class.getName());
    private static final String WAITING = "s.hisMarked = false and s.hisOutcome is null";
    private static final String ENTITY = "select s from RecordSignature s where " + WAITING;
    private static final String MARK = "select s.id, s.hisRecordId, s.recordVersion, s.signer, s.signingTime, s.createdAt"
            + " from RecordSignature s where " + WAITING;

    @PersistenceContext
    EntityManager em;

    @Inject
    HisGateway his;

    @Resource
    SessionContext context;

    /** Waiting marks after {@code after}, in queue order (stored time, id). */
    public List<WaitingMark> due(QueuePosition after, int limit) {
        return em.createQuery(MARK + " and (s.createdAt > :at or (s.createdAt = :at and s.id > :id))"
                        + " order by s.createdAt, s.id", Object[].class)
                .setParameter("at", after.storedAt()).setParameter("id", after.id()).setMaxResults(limit)
                .getResultStream().map(WriteBackQueue::mark).toList();
    }

    /**
     * Writes these marks (a chunk of the job's) to the HIS oldest first and keeps each answer in the caller's
     * transaction; a mark a batch wrote meanwhile is skipped. MS-6001 when the HIS cannot be reached: the chunk's
     * answers roll back with it and its marks wait on. How many the HIS shows signed now.
     */
    public int write(List<WaitingMark> marks) {
        if (marks.isEmpty()) {
            return 0;
        }
        return writeLocked(em.createQuery(ENTITY + " and s.id in :ids order by s.createdAt, s.id", RecordSignature.class)
                .setParameter("ids", marks.stream().map(WaitingMark::signatureId).toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
    }

    /**
     * A batch's marks, right after its signatures were stored: written now, with the few older ones that wait (a
     * batch racing this one), so that no mark overtakes an older one. When many older ones wait (the HIS was down)
     * the job writes them all in their turn. An unreachable HIS is no error here: the signatures are stored, and
     * their marks wait. Outside a transaction, so that the HIS's refusal cannot doom the caller's.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void afterSigning(Collection<Long> signatureIds) {
        if (signatureIds.isEmpty()) {
            return;
        }
        try {
            context.getBusinessObject(WriteBackQueue.class).writeThrough(signatureIds);
        } catch (MedsignException e) {
            if (e.errorCode() != ErrorCode.HIS_UNAVAILABLE) {
                throw e;
            }
            LOG.info(() -> signatureIds.size() + " signed marks wait for the HIS (unreachable); the his-write-back job"
                    + " writes them");
        }
    }

    /**
     * In a transaction of its own: the waiting marks up to the last of these, locked in queue order (as the job
     * locks its chunks, so neither waits for the other in a cycle, and a mark written meanwhile drops out), written
     * when they are at most {@value #AHEAD} more than these.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void writeThrough(Collection<Long> signatureIds) {
        List<WaitingMark> mine = em.createQuery(MARK + " and s.id in :ids order by s.createdAt desc, s.id desc", Object[].class)
                .setParameter("ids", signatureIds).setMaxResults(1).getResultStream().map(WriteBackQueue::mark).toList();
        if (mine.isEmpty()) {
            return;
        }
        QueuePosition last = mine.get(0).position();
        String upToMine = " and (s.createdAt < :at or (s.createdAt = :at and s.id <= :id))";
        long waiting = em.createQuery("select count(s) from RecordSignature s where " + WAITING + upToMine, Long.class)
                .setParameter("at", last.storedAt()).setParameter("id", last.id()).getSingleResult();
        if (waiting > signatureIds.size() + AHEAD) {
            return;
        }
        writeLocked(em.createQuery(ENTITY + upToMine + " order by s.createdAt, s.id", RecordSignature.class)
                .setParameter("at", last.storedAt()).setParameter("id", last.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
    }

    /** Writes the locked, still waiting signatures' marks in rounds and keeps the HIS's answers. */
    private int writeLocked(List<RecordSignature> locked) {
        List<WaitingMark> marks = locked.stream().filter(s -> !s.hisMarked() && s.hisOutcome() == null)
                .map(WaitingMark::of).toList();
        Map<Long, RecordSignature> byId = new HashMap<>();
        locked.forEach(s -> byId.put(s.id(), s));
        int marked = 0;
        for (List<WaitingMark> round : WriteRounds.of(marks)) {
            Map<Long, HisGateway.SignedMark> answers = his.markSigned(round.stream().map(WaitingMark::toHis).toList());
            Instant now = Instant.now();
            for (WaitingMark mark : round) {
                HisGateway.SignedMark answer = answers.getOrDefault(mark.recordId(), HisGateway.SignedMark.NOT_FOUND);
                byId.get(mark.signatureId()).writtenBack(answer.name(), WriteRounds.marked(answer), now);
                marked += WriteRounds.marked(answer) ? 1 : 0;
            }
        }
        return marked;
    }

    /** How many marks wait, and since when the oldest one does. */
    public Backlog backlog() {
        long count = em.createQuery("select count(s) from RecordSignature s where " + WAITING, Long.class)
                .getSingleResult();
        // the converter does not apply to min(): the first in queue order is the oldest
        Optional<Instant> oldest = count == 0 ? Optional.empty() : em.createQuery("select s.createdAt from RecordSignature s"
                        + " where " + WAITING + " order by s.createdAt, s.id", Instant.class)
                .setMaxResults(1).getResultStream().findFirst();
        return new Backlog(count, oldest);
    }

    @Override
    public long waiting() {
        return backlog().count();
    }

    @Override
    public long oldestAgeSeconds() {
        return backlog().ageSeconds(Instant.now());
    }

    private static WaitingMark mark(Object[] row) {
        return new WaitingMark((Long) row[0], (Long) row[1], (Integer) row[2], (String) row[3], (Instant) row[4],
                (Instant) row[5]);
    }

    /** The marks waiting for the HIS, and when the oldest of them was stored. */
    public record Backlog(long count, Optional<Instant> oldest) {

        public long ageSeconds(Instant now) {
            return oldest.map(o -> Math.max(0, Duration.between(o, now).getSeconds())).orElse(0L);
        }
    }
}
