package org.medsign.cardagent.card;

import java.util.Optional;

/**
 * Pulling and re-inserting a soft card (PKCS#12, SoftHSM2) on request, for tests and demos of the
 * "pull the card out and insert it again" step (M12).
 */
public final class SimulatedPresence implements CardPresence {
    private final CardEvents events;
    private boolean present = true;

    public SimulatedPresence(CardEvents events) {
        this.events = events;
    }

    @Override
    public boolean readerPresent() {
        return true;
    }

    @Override
    public synchronized boolean cardPresent() {
        return present;
    }

    /** Takes the card out; the event, or empty when it was already out. */
    public synchronized Optional<CardEvent> remove() {
        return change(false);
    }

    /** Puts the card in; the event, or empty when it was already in. */
    public synchronized Optional<CardEvent> insert() {
        return change(true);
    }

    private Optional<CardEvent> change(boolean nowPresent) {
        if (present == nowPresent) {
            return Optional.empty();
        }
        present = nowPresent;
        return Optional.of(events.publish(nowPresent ? CardEvent.Type.CARD_INSERTED : CardEvent.Type.CARD_REMOVED));
    }
}
