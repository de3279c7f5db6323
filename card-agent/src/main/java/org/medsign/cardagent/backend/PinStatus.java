package org.medsign.cardagent.backend;

/**
 * PIN tries as far as known.
 *
 * @param triesLeft wrong PINs still allowed, or null when the card does not tell
 * @param locked    true when no PIN will be accepted any more
 */
public record PinStatus(Integer triesLeft, boolean locked) {
    public static final PinStatus UNKNOWN = new PinStatus(null, false);
}
