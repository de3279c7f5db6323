package org.medsign.card;

import org.junit.jupiter.api.Test;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresenceTest {

    private static AgentEvent removed(long seq, String at) {
        return new AgentEvent(seq, AgentEvent.REMOVED, at);
    }

    private static AgentEvent inserted(long seq, String at) {
        return new AgentEvent(seq, AgentEvent.INSERTED, at);
    }

    @Test
    void theCardMustBeRemovedThenInsertedAfterTheFirstSignature() {
        String t1 = "2026-11-26T10:00:01Z", t2 = "2026-11-26T10:00:03Z";
        assertEquals("4 CARD_REMOVED " + t1 + "; 5 CARD_INSERTED " + t2,
                PresenceEvents.removedThenInserted(3, List.of(removed(4, t1), inserted(5, t2))).orElseThrow());
        assertTrue(PresenceEvents.removedThenInserted(3, List.of(inserted(5, t2), removed(4, t1))).isPresent(),
                "the agent's sequence numbers order them, not the list");
        assertTrue(PresenceEvents.removedThenInserted(4, List.of(removed(4, t1), inserted(5, t2))).isEmpty(),
                "a removal before the first signature does not count");
        assertTrue(PresenceEvents.removedThenInserted(3, List.of(inserted(4, t1), removed(5, t2))).isEmpty(), "wrong order");
        assertTrue(PresenceEvents.removedThenInserted(3, List.of(removed(4, t1))).isEmpty(), "not inserted again");
        assertTrue(PresenceEvents.removedThenInserted(3, List.of(removed(4, t2), inserted(5, t1))).isEmpty(),
                "inserted before it was removed");
        assertTrue(PresenceEvents.removedThenInserted(3, List.of(removed(4, "yesterday"), inserted(5, t2))).isEmpty());
        assertTrue(PresenceEvents.removedThenInserted(3, null).isEmpty());
    }

    @Test
    void theContextIsOnePrintableLineOfLimitedLength() {
        assertNull(PresenceRules.context("  "));
        assertEquals("application: device 我的iphone01, statement v1", PresenceRules.context(" application: device 我的iphone01, statement v1 "));
        for (String bad : new String[]{"two\nlines", "tab\there", "x".repeat(201), "醫".repeat(101)}) {
            assertEquals(ErrorCode.INVALID_INPUT, assertThrows(MedsignException.class, () -> PresenceRules.context(bad)).errorCode(), bad);
        }
    }

    @Test
    void theSecondChallengeNamesTheFirstSignature() {
        var lines = PresenceRules.challengeLines("c".repeat(22), 2, "ctx", new byte[]{1, 2, 3});
        assertEquals(List.of("ceremony", "step", "context", "after-signature-sha256"), List.copyOf(lines.keySet()));
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", lines.get("after-signature-sha256"));
        assertEquals("2 of 2", lines.get("step"));
        String longest = ChallengeText.of(CardPurpose.PRESENCE_SECOND, "https://" + "a".repeat(180) + ".example", "n".repeat(43),
                java.time.Instant.now(), PresenceRules.challengeLines("c".repeat(22), 2, PresenceRules.context("醫".repeat(100)),
                        new byte[256]));
        assertTrue(longest.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 1024, "fits the agent's limit");
    }
}
