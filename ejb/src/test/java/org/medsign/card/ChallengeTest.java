package org.medsign.card;

import org.junit.jupiter.api.Test;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChallengeTest {

    private static final String ORIGIN = "http://localhost:8080";
    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final ChallengeBinding binding = ChallengeBinding.of("session-1", ORIGIN, "10.0.0.7");

    private CardChallenge challenge() {
        String text = ChallengeText.of(CardPurpose.LOGIN, ORIGIN, "n".repeat(43), now.plusSeconds(120), Map.of());
        return new CardChallenge("n".repeat(43), CardPurpose.LOGIN, binding, text, now, now.plusSeconds(120));
    }

    @Test
    void theSignedTextSaysWhatItIsFor() {
        String text = ChallengeText.of(CardPurpose.PRESENCE_SECOND, ORIGIN, "abc", now.plusMillis(1500),
                Map.of("ceremony", "c1"));
        assertEquals("""
                medsign card challenge v1
                purpose: presence_second
                origin: http://localhost:8080
                nonce: abc
                expires: 2026-11-26T10:00:01Z
                ceremony: c1
                """, text);
        assertThrows(IllegalArgumentException.class, () -> ChallengeText.of(CardPurpose.LOGIN, ORIGIN, "abc", now,
                Map.of("context", "two\nlines")));
        assertThrows(IllegalArgumentException.class, () -> ChallengeText.of(CardPurpose.LOGIN, ORIGIN, "abc", now,
                Map.of("context", "x".repeat(1000))));
    }

    @Test
    void theSessionIsKeptOnlyAsADigestAndOriginsMustBeBrowserOrigins() {
        assertEquals(64, binding.sessionHash().length());
        assertFalse(binding.sessionHash().contains("session-1"));
        assertNotEquals(binding.sessionHash(), ChallengeBinding.of("session-2", ORIGIN, null).sessionHash());
        assertTrue(ChallengeBinding.of("s", "https://portal.hospital.example", null).wellFormedOrigin());
        assertTrue(ChallengeBinding.of("s", "http://[::1]:8080", null).wellFormedOrigin());
        for (String bad : new String[]{"null", "", "http://a.example/path", "javascript:alert(1)", "http://u@a.example",
                "https://" + "a".repeat(200) + ".example"}) {
            assertFalse(ChallengeBinding.of("s", bad, null).wellFormedOrigin(), bad);
        }
    }

    @Test
    void aChallengeIsUsedOnceByItsSessionForItsPurposeFromItsOriginBeforeItExpires() {
        CardChallenge good = challenge();
        ChallengeUse use = good.use(CardPurpose.LOGIN, binding, now.plusSeconds(10));
        assertEquals(ChallengeUse.Outcome.ACCEPTED, use.outcome());
        assertArrayEquals(good.text().getBytes(StandardCharsets.UTF_8), use.acceptedText());
        assertEquals(ChallengeUse.Outcome.USED, good.use(CardPurpose.LOGIN, binding, now.plusSeconds(11)).outcome(), "replay");

        assertEquals(ChallengeUse.Outcome.EXPIRED, challenge().use(CardPurpose.LOGIN, binding, now.plusSeconds(120)).outcome());
        assertEquals(ChallengeUse.Outcome.FOREIGN, challenge().use(CardPurpose.PRESENCE_FIRST, binding, now).outcome());
        assertEquals(ChallengeUse.Outcome.FOREIGN, challenge().use(CardPurpose.LOGIN,
                ChallengeBinding.of("session-2", ORIGIN, null), now).outcome());
        ChallengeUse foreignOrigin = challenge().use(CardPurpose.LOGIN,
                ChallengeBinding.of("session-1", "http://127.0.0.1:8080", null), now);
        assertEquals(ErrorCode.CARD_CHALLENGE_ORIGIN, assertThrows(MedsignException.class, foreignOrigin::acceptedText).errorCode());

        CardChallenge refusedFirst = challenge();
        refusedFirst.use(CardPurpose.LOGIN, ChallengeBinding.of("other", ORIGIN, null), now);
        assertEquals(ChallengeUse.Outcome.USED, refusedFirst.use(CardPurpose.LOGIN, binding, now).outcome(),
                "a refused presentation uses the challenge up too");
        assertEquals(ErrorCode.CARD_CHALLENGE_INVALID, assertThrows(MedsignException.class,
                ChallengeUse.refused(ChallengeUse.Outcome.USED)::acceptedText).errorCode());
    }

    @Test
    void anIssuedChallengeCarriesTheTextForTheAgent() {
        IssuedChallenge issued = IssuedChallenge.of(challenge(), CardPurpose.LOGIN);
        assertEquals("login", issued.agentPurpose());
        assertTrue(issued.challenge().matches("[A-Za-z0-9_-]+"), "base64url for the agent");
        assertEquals(challenge().text(), issued.text());
    }
}
