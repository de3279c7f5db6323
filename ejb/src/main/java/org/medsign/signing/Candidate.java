package org.medsign.signing;

import org.medsign.his.CanonicalRecord;

/** An item that passed the cheap checks (pending, mine, current version, delay reason) and awaits its crypto. */
record Candidate(int index, long recordId, String cmsBase64, CanonicalRecord canonical, String delayReason) {
}
