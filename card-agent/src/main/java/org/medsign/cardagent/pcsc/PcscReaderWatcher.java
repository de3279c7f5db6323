package org.medsign.cardagent.pcsc;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.medsign.cardagent.card.CardEvent;
import org.medsign.cardagent.card.CardEvents;
import org.medsign.cardagent.card.CardPresence;

/**
 * Watches one PC/SC reader in a thread and publishes CARD_REMOVED / CARD_INSERTED when the card goes or comes.
 * Readers may be unplugged and the PC/SC service may be absent: then the reader counts as missing and the
 * watcher looks again every few seconds.
 */
public final class PcscReaderWatcher implements CardPresence, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PcscReaderWatcher.class.getName());

    /** The terminals PC/SC currently lists; a seam for tests, which have no reader. */
    public interface Terminals {
        List<CardTerminal> list() throws CardException;
    }

    private final String wanted;
    private final Terminals terminals;
    private final CardEvents events;
    private final long waitMillis;
    private final long retryMillis;
    private final Thread thread;
    private volatile boolean closed;
    private volatile String readerName;
    private volatile boolean cardPresent;
    private boolean seen;

    /**
     * @param wanted     "auto" for the first reader, else the reader's name or a part of it
     * @param waitMillis how long one wait for a card change blocks; bounds how long {@link #close} takes
     */
    public PcscReaderWatcher(String wanted, Terminals terminals, CardEvents events, long waitMillis, long retryMillis) {
        this.wanted = wanted;
        this.terminals = terminals;
        this.events = events;
        this.waitMillis = waitMillis;
        this.retryMillis = retryMillis;
        this.thread = new Thread(this::watch, "pcsc-reader-watcher");
        thread.setDaemon(true);
    }

    /**
     * A watcher of the system's PC/SC readers, not started yet.
     *
     * @param library the libpcsclite path when the JDK does not find it, else null
     */
    public static PcscReaderWatcher system(String wanted, String library, CardEvents events) {
        if (library != null) {
            System.setProperty("sun.security.smartcardio.library", library);
        }
        return new PcscReaderWatcher(wanted, new SystemTerminals(), events, 1000, 3000);
    }

    public void start() {
        thread.start();
    }

    /** The watched reader's name, or null while none is found. */
    public String readerName() {
        return readerName;
    }

    @Override
    public boolean readerPresent() {
        return readerName != null;
    }

    @Override
    public boolean cardPresent() {
        return cardPresent;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt();
        thread.join(waitMillis + retryMillis + 1000);
    }

    private void watch() {
        while (!closed) {
            try {
                CardTerminal terminal = find(terminals.list());
                if (terminal == null) {
                    lost("no PC/SC reader matches '" + wanted + "'");
                    Thread.sleep(retryMillis);
                    continue;
                }
                boolean present = terminal.isCardPresent();
                // presence first: whoever sees the reader name must also see its card
                observe(present);
                if (!terminal.getName().equals(readerName)) {
                    LOG.info("watching card reader '" + terminal.getName() + "'");
                    readerName = terminal.getName();
                }
                if (present) {
                    terminal.waitForCardAbsent(waitMillis);
                } else {
                    terminal.waitForCardPresent(waitMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (CardException | RuntimeException e) {
                if (closed) {
                    return;
                }
                lost("PC/SC reader unavailable: " + e.getMessage());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private CardTerminal find(List<CardTerminal> all) {
        if (all.isEmpty()) {
            return null;
        }
        if (wanted.equalsIgnoreCase("auto")) {
            return all.get(0);
        }
        for (CardTerminal terminal : all) {
            if (terminal.getName().equals(wanted)) {
                return terminal;
            }
        }
        String part = wanted.toLowerCase(Locale.ROOT);
        return all.stream().filter(t -> t.getName().toLowerCase(Locale.ROOT).contains(part)).findFirst().orElse(null);
    }

    /** The first look only learns the state; later changes are events. */
    private void observe(boolean present) {
        boolean changed = seen && present != cardPresent;
        // state before the event: whoever wakes on the event must see the card as it now is
        cardPresent = present;
        seen = true;
        if (changed) {
            events.publish(present ? CardEvent.Type.CARD_INSERTED : CardEvent.Type.CARD_REMOVED);
        }
    }

    /** An unplugged reader takes its card with it. */
    private void lost(String why) {
        if (readerName != null) {
            LOG.info("card reader '" + readerName + "' gone: " + why);
            readerName = null;
        } else {
            LOG.log(Level.FINE, why);
        }
        observe(false);
    }

    private boolean pause() {
        try {
            Thread.sleep(retryMillis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
