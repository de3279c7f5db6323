package org.medsign.cardagent.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medsign.cardagent.card.CardEvent;
import org.medsign.cardagent.card.CardEvents;

/** The watcher against stand-in terminals: there is no reader on a build machine. */
class PcscReaderWatcherTest {
    private final CardEvents events = new CardEvents();
    private final FakeTerminal office = new FakeTerminal("Office Reader 00 00");
    private final FakeTerminal other = new FakeTerminal("Other Reader 01 00");
    private volatile List<CardTerminal> plugged = List.of(other, office);
    private volatile boolean serviceDown;
    private PcscReaderWatcher watcher;

    @AfterEach
    void stop() throws Exception {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void pullingAndInsertingTheCardAreEvents() throws Exception {
        office.setPresent(true);
        watch("office");
        waitFor(() -> office.getName().equals(watcher.readerName()));
        assertTrue(watcher.cardPresent());
        assertEquals(0, events.last(), "the card already in is no event");

        office.setPresent(false);
        assertEquals(CardEvent.Type.CARD_REMOVED, next(0).type());
        assertFalse(watcher.cardPresent());

        office.setPresent(true);
        assertEquals(CardEvent.Type.CARD_INSERTED, next(1).type());
        assertTrue(watcher.cardPresent());
        other.setPresent(true);
        Thread.sleep(200);
        assertEquals(2, events.last(), "another reader's card is not ours");
    }

    @Test
    void autoTakesTheFirstReader() throws Exception {
        watch("auto");

        waitFor(() -> other.getName().equals(watcher.readerName()));
    }

    @Test
    void anUnpluggedReaderTakesItsCardAlong() throws Exception {
        office.setPresent(true);
        watch("Office Reader 00 00");
        waitFor(watcher::cardPresent);

        plugged = List.of(other);

        assertEquals(CardEvent.Type.CARD_REMOVED, next(0).type());
        waitFor(() -> !watcher.readerPresent());
        assertNull(watcher.readerName());
        plugged = List.of(other, office);
        assertEquals(CardEvent.Type.CARD_INSERTED, next(1).type());
    }

    @Test
    void noPcscServiceMeansNoReader() throws Exception {
        serviceDown = true;
        watch("auto");
        Thread.sleep(200);

        assertFalse(watcher.readerPresent());
        serviceDown = false;
        waitFor(watcher::readerPresent);
    }

    private void watch(String wanted) {
        watcher = new PcscReaderWatcher(wanted, () -> {
            if (serviceDown) {
                throw new CardException("SCARD_E_NO_SERVICE");
            }
            return plugged;
        }, events, 50, 50);
        watcher.start();
    }

    private CardEvent next(long after) throws InterruptedException {
        List<CardEvent> batch = events.await(after, Duration.ofSeconds(5)).events();
        assertEquals(1, batch.size(), "events after " + after + ": " + batch);
        return batch.get(0);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in 5 s");
            Thread.sleep(10);
        }
    }

    /** A reader whose card the test puts in and takes out. */
    private static final class FakeTerminal extends CardTerminal {
        private final String name;
        private boolean present;

        FakeTerminal(String name) {
            this.name = name;
        }

        synchronized void setPresent(boolean present) {
            this.present = present;
            notifyAll();
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Card connect(String protocol) throws CardException {
            throw new CardException("the stand-in reader has no card to talk to");
        }

        @Override
        public synchronized boolean isCardPresent() {
            return present;
        }

        @Override
        public boolean waitForCardPresent(long timeout) throws CardException {
            return waitUntil(true, timeout);
        }

        @Override
        public boolean waitForCardAbsent(long timeout) throws CardException {
            return waitUntil(false, timeout);
        }

        private synchronized boolean waitUntil(boolean wanted, long timeout) throws CardException {
            long deadline = System.currentTimeMillis() + timeout;
            try {
                while (present != wanted && System.currentTimeMillis() < deadline) {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CardException("interrupted");
            }
            return present == wanted;
        }
    }
}
