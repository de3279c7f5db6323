package org.medsign.card;

import java.util.List;

/**
 * What the page sends back after the card agent signed a challenge: the challenge's id, the agent's signature
 * (base64) and algorithm, and the card's certificate chain as the agent read it (PEM, card certificate first).
 * Nothing in it is trusted before {@link AssertionVerifier} checked it.
 */
public record CardAssertion(String challengeId, String signature, String algorithm, List<String> certificateChain) {
}
