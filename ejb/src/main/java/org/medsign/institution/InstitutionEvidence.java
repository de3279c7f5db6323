package org.medsign.institution;

import java.time.Instant;

/**
 * What an auditor needs to check an institution signature with outside tools: the CMS (CAdES-T, base64 DER), and
 * the canonical bytes it covers (base64) while the HIS still holds that version, else null.
 */
public record InstitutionEvidence(long recordId, int version, String author, String certificateSerial, String digest,
                                  Instant timestampTime, String cms, String canonical) {
}
