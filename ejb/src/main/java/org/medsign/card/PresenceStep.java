package org.medsign.card;

/** The next signature a presence ceremony needs: step 1 or 2, and its challenge. */
public record PresenceStep(String ceremonyId, int step, IssuedChallenge challenge) {
}
