package org.medsign.signing.batch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.medsign.kernel.Role;
import org.medsign.signing.evidence.RecordSignature;
import org.medsign.signing.evidence.VerifiedSignature;
import org.medsign.signing.pending.PendingIndex;
import org.medsign.signing.pending.PendingRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a batch's verified, timestamped signatures in one transaction, and takes them off the pending list in the
 * same one. The unique key on (record, version) keeps a record version from being stored twice even when two batches
 * race: the loser's transaction fails and its caller stores again without what the winner stored. A stored signature's
 * signed mark waits in the same row for the HIS ({@code org.medsign.signing.writeback}).
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME})
public class SignatureDesk {

    @PersistenceContext
    EntityManager em;

    @Inject
    PendingIndex pending;

    /** The signatures medsign holds for these records (the newest version of each), without their CMS. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, Stored> existing(Collection<Long> recordIds) {
        Map<Long, Stored> found = new HashMap<>();
        if (recordIds.isEmpty()) {
            return found;
        }
        em.createQuery("select s.id, s.hisRecordId, s.recordVersion, s.signer, s.signingTime, s.hisMarked"
                        + " from RecordSignature s where s.hisRecordId in :ids", Object[].class)
                .setParameter("ids", recordIds).getResultStream()
                .map(row -> new Stored((Long) row[0], (Long) row[1], (Integer) row[2], (String) row[3], (Instant) row[4],
                        false, (Boolean) row[5]))
                .forEach(s -> found.merge(s.recordId(), s, (a, b) -> a.version() >= b.version() ? a : b));
        return found;
    }

    /**
     * Stores every signature not stored yet and hides their versions from the pending list; all or nothing. The
     * records' pending rows are locked first (in id order), so a batch racing with this one for the same records waits
     * and then finds them stored; the unique key still guards records that have no pending row.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Stored> store(String batchId, List<VerifiedSignature> verified) {
        Instant now = Instant.now();
        List<Long> ids = verified.stream().map(VerifiedSignature::recordId).sorted().toList();
        em.createQuery("select p from PendingRecord p where p.hisRecordId in :ids order by p.hisRecordId",
                PendingRecord.class).setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<Long, Stored> before = existing(ids);
        List<Stored> answer = new ArrayList<>(verified.size());
        List<RecordSignature> added = new ArrayList<>(verified.size());
        Map<Long, Integer> versions = new HashMap<>();
        for (VerifiedSignature v : verified) {
            Stored earlier = before.get(v.recordId());
            if (earlier != null && earlier.version() == v.version()) {
                answer.add(earlier);
                continue;
            }
            RecordSignature signature = new RecordSignature(v, batchId, now);
            em.persist(signature);
            added.add(signature);
            versions.put(v.recordId(), v.version());
        }
        em.flush();
        pending.markSigned(versions);
        added.forEach(s -> answer.add(new Stored(s.id(), s.hisRecordId(), s.recordVersion(), s.signer(), s.signingTime(),
                true, false)));
        return answer;
    }

    /** A signature as stored: its id, record version and signer, whether this batch added it, whether the HIS has it. */
    public record Stored(long id, long recordId, int version, String signer, Instant signingTime, boolean added,
                         boolean hisMarked) {
    }
}
