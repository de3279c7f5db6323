package org.medsign.signing.batch;

/**
 * An item that passed the cheap checks (pending, mine, current version, delay reason) and awaits its crypto: the
 * version it signs and the SHA-256 its signature must cover (of the HIS's current canonical bytes; while the HIS
 * cannot be reached, the digest the pending index holds for that version, taken from the same bytes at the scan), with
 * the digest its pending line showed, to name a mismatch right.
 */
record Candidate(int index, long recordId, String cmsBase64, int version, byte[] digest, String listedDigest,
                 String delayReason) {
}
