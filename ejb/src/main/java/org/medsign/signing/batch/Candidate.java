package org.medsign.signing.batch;

import org.medsign.his.CanonicalRecord;

/**
 * An item that passed the cheap checks (pending, mine, current version, delay reason) and awaits its crypto; with the
 * digest its pending line showed, to name a mismatch right.
 */
record Candidate(int index, long recordId, String cmsBase64, CanonicalRecord canonical, String listedDigest,
                 String delayReason) {
}
