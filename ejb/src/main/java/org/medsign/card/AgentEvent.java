package org.medsign.card;

/** A card event as the card agent reported it to the page ({@code CARD_REMOVED}, {@code CARD_INSERTED}). */
public record AgentEvent(long seq, String type, String at) {

    public static final String REMOVED = "CARD_REMOVED";
    public static final String INSERTED = "CARD_INSERTED";
}
