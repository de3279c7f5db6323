package org.medsign.cardagent.card;

import java.time.Instant;

/**
 * A card leaving or entering the reader.
 *
 * @param seq increasing from 1 for the agent's lifetime; the page waits for events after the last one it saw
 */
public record CardEvent(long seq, Type type, Instant at) {

    public enum Type { CARD_REMOVED, CARD_INSERTED }
}
