package org.medsign.cardagent.card;

/**
 * What knows whether a reader and a card are there besides the back end: a PC/SC watcher or the simulation.
 * Both must agree with the back end for a card to count as present.
 */
public interface CardPresence {

    /** For back ends that know presence by themselves. */
    CardPresence BACKEND_ONLY = new CardPresence() {
        @Override
        public boolean readerPresent() {
            return true;
        }

        @Override
        public boolean cardPresent() {
            return true;
        }
    };

    boolean readerPresent();

    boolean cardPresent();
}
