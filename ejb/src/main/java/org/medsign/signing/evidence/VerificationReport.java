package org.medsign.signing.evidence;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The re-verification of a stored signature, in the shape of an ETSI EN 319 102-1 report: one line per check and
 * an indication — TOTAL_PASSED, TOTAL_FAILED, or INDETERMINATE when something needed is missing — as of a validation
 * time ({@code asOf}: now unless asked for another).
 */
public record VerificationReport(long signatureId, long recordId, int recordVersion, String signer,
                                 String certificateSerial, Instant signingTime, Instant timestampTime,
                                 String delayReason, Indication indication, List<Check> checks, Instant verifiedAt,
                                 Instant asOf) implements Serializable {

    public enum Indication { TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE }

    public enum Outcome { PASSED, FAILED, UNKNOWN }

    /** One check: its name (FORMAT, SIGNATURE_VALUE …), its outcome and a short detail for IT. */
    public record Check(String name, Outcome outcome, String detail) implements Serializable {
    }

    static Indication indication(List<Check> checks) {
        if (checks.stream().anyMatch(c -> c.outcome() == Outcome.FAILED)) {
            return Indication.TOTAL_FAILED;
        }
        return checks.stream().anyMatch(c -> c.outcome() == Outcome.UNKNOWN) ? Indication.INDETERMINATE
                : Indication.TOTAL_PASSED;
    }
}
