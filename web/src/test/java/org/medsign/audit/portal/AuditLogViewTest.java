package org.medsign.audit.portal;

import org.junit.jupiter.api.Test;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuditLogViewTest {

    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    @Test
    void searchesWholeHospitalDaysFromTheFirstThroughTheLast() {
        AuditQuery q = AuditLogView.query(null, null, null, LocalDate.of(2025, 1, 17), LocalDate.of(2025, 1, 18), TAIPEI);
        assertEquals(Instant.parse("2025-01-16T16:00:00Z"), q.from(), "midnight in Taipei");
        assertEquals(Instant.parse("2025-01-18T16:00:00Z"), q.to(), "the end of the last day, exclusive");
    }

    @Test
    void anActorIsFoundHoweverItIsTyped() {
        assertEquals("N0001", AuditLogView.query("  n0001 ", null, null, null, null, TAIPEI).actor());
        assertNull(AuditLogView.query("   ", null, null, null, null, TAIPEI).actor(), "blank means anyone");
    }

    @Test
    void emptyFiltersMeanAny() {
        AuditQuery q = AuditLogView.query(null, AuditAction.CARD_LOGIN, AuditOutcome.DENIED, null, null, TAIPEI);
        assertEquals(new AuditQuery(null, AuditAction.CARD_LOGIN, AuditOutcome.DENIED, null, null), q);
    }
}
