package org.medsign.card;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the agent's events of a presence ceremony: after the first signature (agent sequence number {@code after})
 * the card must have been reported removed and then inserted, in that order. These are the agent's unsigned word.
 */
public final class PresenceEvents {

    static final int MAX_EVENTS = 32;

    private PresenceEvents() {
    }

    /** The removal and the following insertion, as "seq type at" text for the record, if both are there in order. */
    public static Optional<String> removedThenInserted(long after, List<AgentEvent> events) {
        if (events == null || events.size() > MAX_EVENTS) {
            return Optional.empty();
        }
        AgentEvent removed = null;
        for (AgentEvent event : events.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList()) {
            if (event == null || event.seq() <= after || instant(event.at()).isEmpty()) {
                continue;
            }
            if (removed == null && AgentEvent.REMOVED.equals(event.type())) {
                removed = event;
            } else if (removed != null && AgentEvent.INSERTED.equals(event.type())
                    && !instant(event.at()).get().isBefore(instant(removed.at()).get())) {
                return Optional.of(List.of(removed, event).stream()
                        .map(e -> e.seq() + " " + e.type() + " " + e.at()).collect(Collectors.joining("; ")));
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(String at) {
        try {
            return at == null || at.length() > 40 ? Optional.empty() : Optional.of(Instant.parse(at));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
