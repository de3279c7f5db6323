package org.medsign.signing.evidence;

import java.io.Serializable;
import java.time.Instant;

/** A stored signature as lists show it: which record version, by which certificate, when, and whether the HIS has it. */
public record SignatureSummary(long id, long recordId, int recordVersion, String certificateSerial, Instant signingTime,
                               Instant timestampTime, String delayReason, boolean hisMarked) implements Serializable {

    static SignatureSummary of(RecordSignature s) {
        return new SignatureSummary(s.id(), s.hisRecordId(), s.recordVersion(), s.certificateSerial(), s.signingTime(),
                s.timestampTime(), s.delayReason(), s.hisMarked());
    }
}
