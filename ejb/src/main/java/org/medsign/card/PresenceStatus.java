package org.medsign.card;

/** Where a presence ceremony stands. A failed step leaves it where it was, with its challenge used up. */
public enum PresenceStatus {
    STARTED, FIRST_SIGNED, PROVEN, REDEEMED
}
