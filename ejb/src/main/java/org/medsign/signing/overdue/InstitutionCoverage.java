package org.medsign.signing.overdue;

import java.util.Collection;
import java.util.Set;

/**
 * Which overdue versions the hospital's institution certificate signed meanwhile: they still await their author's
 * own signature (補簽), and the deadline pictures count them. {@code org.medsign.institution} answers from its own
 * table; asked through this interface, signing neither reads that table nor depends on that package.
 */
public interface InstitutionCoverage {

    /** The ones of {@code versions} (exactly that record version) that carry the institution's signature. */
    Set<RecordVersion> signedAmong(Collection<RecordVersion> versions);
}
