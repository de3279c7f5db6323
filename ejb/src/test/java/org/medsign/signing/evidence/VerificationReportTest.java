package org.medsign.signing.evidence;

import org.junit.jupiter.api.Test;
import org.medsign.signing.evidence.VerificationReport.Check;
import org.medsign.signing.evidence.VerificationReport.Indication;
import org.medsign.signing.evidence.VerificationReport.Outcome;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ETSI EN 319 102-1's indication: any failure fails, else anything unknown leaves it open. */
class VerificationReportTest {

    private static Check check(Outcome outcome) {
        return new Check("X", outcome, "");
    }

    @Test
    void theIndicationFollowsTheWorstCheck() {
        assertEquals(Indication.TOTAL_PASSED, VerificationReport.indication(List.of(check(Outcome.PASSED), check(Outcome.PASSED))));
        assertEquals(Indication.INDETERMINATE, VerificationReport.indication(List.of(check(Outcome.PASSED), check(Outcome.UNKNOWN))));
        assertEquals(Indication.TOTAL_FAILED, VerificationReport.indication(List.of(check(Outcome.UNKNOWN), check(Outcome.FAILED),
                check(Outcome.PASSED))));
    }
}
