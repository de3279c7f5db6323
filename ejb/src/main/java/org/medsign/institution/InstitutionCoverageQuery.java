package org.medsign.institution;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.signing.overdue.InstitutionCoverage;
import org.medsign.signing.overdue.RecordVersion;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which record versions carry the institution's signature, read from this package's own table: for the signing
 * deadlines' counts (through {@link InstitutionCoverage}) and for the signer, which signs a version once. Open to
 * every caller: the deadline and reminder jobs run without one, and the answer names no person. Both views are
 * business views: the no-interface one for the signer, the interface for signing, which cannot import this package.
 */
@Stateless
@LocalBean
@Local(InstitutionCoverage.class)
@PermitAll
public class InstitutionCoverageQuery implements InstitutionCoverage {

    /** Ids per query, well below PostgreSQL's bound parameters. */
    private static final int CHUNK = 1000;

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<RecordVersion> signedAmong(Collection<RecordVersion> versions) {
        Set<RecordVersion> signed = signedVersionsOf(versions.stream().map(RecordVersion::recordId).distinct().toList());
        signed.retainAll(Set.copyOf(versions));
        return signed;
    }

    /** Every version of these records the institution signed. */
    public Set<RecordVersion> signedVersionsOf(List<Long> recordIds) {
        Set<RecordVersion> versions = new HashSet<>();
        for (int from = 0; from < recordIds.size(); from += CHUNK) {
            em.createQuery("select s.hisRecordId, s.recordVersion from InstitutionSignature s where s.hisRecordId in :ids",
                            Object[].class)
                    .setParameter("ids", recordIds.subList(from, Math.min(recordIds.size(), from + CHUNK)))
                    .getResultStream().forEach(row -> versions.add(new RecordVersion((Long) row[0], (Integer) row[1])));
        }
        return versions;
    }
}
