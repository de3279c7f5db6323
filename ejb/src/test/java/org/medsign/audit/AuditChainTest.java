package org.medsign.audit;

import org.junit.jupiter.api.Test;
import org.medsign.error.ErrorCode;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AuditChainTest {

    private final Instant at = Instant.parse("2026-11-26T08:00:00.123456Z");

    private AuditEvent event(long seq, String previous, String actor, String detail) {
        return new AuditEvent(new AuditRecord(AuditAction.PORTAL_LOGIN, AuditOutcome.FAILURE, actor, actor,
                ErrorCode.BAD_CREDENTIALS, "127.0.0.1", detail), at, seq, previous);
    }

    @Test
    void eachRowHashesItsContentAndItsPredecessor() {
        AuditEvent first = event(1, AuditChain.GENESIS, "N0001", null);
        AuditEvent second = event(2, first.hash(), "N0001", null);
        assertEquals(first.hash(), AuditChain.hash(first));
        assertNotEquals(second.hash(), event(2, AuditChain.GENESIS, "N0001", null).hash(), "the link is hashed");
        assertNotEquals(first.hash(), event(1, AuditChain.GENESIS, "N0002", null).hash(), "the content is hashed");
    }

    @Test
    void fieldsCannotPassForEachOther() {
        assertNotEquals(event(1, AuditChain.GENESIS, "N0001", "x").hash(),
                event(1, AuditChain.GENESIS, "N0001x", null).hash());
    }

    @Test
    void keepsTimesToTheMillisecondSoBothDatabasesHashAlike() {
        assertEquals(Instant.parse("2026-11-26T08:00:00.123Z"), event(1, AuditChain.GENESIS, "N0001", null).occurredAt());
    }
}
