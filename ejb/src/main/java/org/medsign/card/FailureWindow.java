package org.medsign.card;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts events per key (a client address) in a sliding window and says until when a key is blocked once it
 * reached the limit. Memory is bounded: past {@code maxKeys}, keys with nothing left in the window are dropped.
 */
public final class FailureWindow {

    private final int limit;
    private final Duration window;
    private final int maxKeys;
    private final ConcurrentMap<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public FailureWindow(int limit, Duration window, int maxKeys) {
        this.limit = limit;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /** When the key may try again, if it is blocked now. */
    public Optional<Instant> blockedUntil(String key, Instant now) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            return times.size() >= limit ? Optional.of(times.peekFirst().plus(window)) : Optional.empty();
        }
    }

    public void record(String key, Instant now) {
        if (events.size() >= maxKeys) {
            events.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            while (times.size() > limit) {
                times.removeFirst();
            }
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
