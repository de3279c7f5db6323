package org.medsign.cardagent.card;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The recent card events, numbered, with a long-poll wait for new ones. */
public final class CardEvents implements AutoCloseable {
    static final int RETAINED = 256;

    private final ArrayDeque<CardEvent> recent = new ArrayDeque<>();
    private final List<Consumer<CardEvent>> listeners = new CopyOnWriteArrayList<>();
    private long last;
    private boolean closed;

    /**
     * The events after {@code after}, and the newest sequence number.
     *
     * @param last what the page passes as {@code after} next time
     */
    public record Batch(List<CardEvent> events, long last) {
    }

    public CardEvent publish(CardEvent.Type type) {
        CardEvent event;
        synchronized (this) {
            event = new CardEvent(++last, type, Instant.now());
            recent.addLast(event);
            while (recent.size() > RETAINED) {
                recent.removeFirst();
            }
            notifyAll();
        }
        // outside the lock: a listener may take other locks
        listeners.forEach(listener -> listener.accept(event));
        return event;
    }

    public void subscribe(Consumer<CardEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Returns at once when events after {@code after} exist, else waits up to {@code wait} for one.
     * An {@code after} beyond the newest event means the page saw an earlier run of the agent: it gets
     * everything retained at once, and the smaller {@code last} tells it so.
     */
    public synchronized Batch await(long after, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        if (after <= last) {
            while (!closed && last == after) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                Duration left = Duration.ofNanos(remaining);
                wait(Math.max(1, left.toMillis()));
            }
        }
        long from = after <= last ? after : 0;
        return new Batch(recent.stream().filter(e -> e.seq() > from).toList(), last);
    }

    public synchronized long last() {
        return last;
    }

    /** Wakes every waiting long-poll so the server can stop. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
