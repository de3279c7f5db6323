package org.medsign.card;

/**
 * What a challenge is for. The purpose is written into the signed text, so a signature made for one use cannot be
 * presented for another.
 */
public enum CardPurpose {
    LOGIN("login"),
    PRESENCE_FIRST("presence"),
    PRESENCE_SECOND("presence");

    private final String agentPurpose;

    CardPurpose(String agentPurpose) {
        this.agentPurpose = agentPurpose;
    }

    /** The {@code purpose} the page passes to the card agent's {@code /v1/sign}. */
    public String agentPurpose() {
        return agentPurpose;
    }
}
