package org.medsign.cardagent.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON bodies of protocol version 1. Field names are the protocol: never rename them within /v1. */
public final class Messages {
    public static final int PROTOCOL = 1;

    private Messages() {
    }

    public record Status(int protocol, String agentVersion, String backend, boolean readerPresent,
                         boolean cardPresent, String certificate, List<String> certificateChain,
                         Integer pinTriesLeft, boolean locked, boolean simulateCardEvents) {
    }

    /** The PIN is a char array so it can be wiped after use. */
    public record SignRequest(String challenge, char[] pin, String purpose) {
    }

    public record SignResponse(String signature, String algorithm, String certificate,
                               List<String> certificateChain) {
    }

    public record Event(long seq, String type, String at) {
    }

    public record Events(List<Event> events, long last) {
    }

    /** @param event null when the card already was in the requested state */
    public record Simulation(boolean cardPresent, Event event) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String error, String message, Integer pinTriesLeft) {
    }
}
