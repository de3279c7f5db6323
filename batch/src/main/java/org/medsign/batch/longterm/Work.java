package org.medsign.batch.longterm;

import java.util.Locale;

/** What a step of the long-term-evidence job does to its kind of signature: the job XML names it per step. */
enum Work {
    /** CAdES-T past its revocation grace period → LTA. */
    AUGMENT,
    /** LTA whose newest archive timestamp is due → one more archive timestamp. */
    RENEW;

    static Work named(String work) {
        return valueOf(work.toUpperCase(Locale.ROOT));
    }
}
