package org.medsign.cardagent;

/**
 * The agent's stable error codes. The portal shows {@link #code()} to the user, who screenshots it for IT (M26),
 * so names never change meaning; new codes may be added.
 */
public enum AgentError {
    BAD_REQUEST(400),
    HOST_REFUSED(403),
    ORIGIN_REFUSED(403),
    NOT_FOUND(404),
    PROTOCOL_UNSUPPORTED(404),
    SIMULATION_DISABLED(404),
    METHOD_NOT_ALLOWED(405),
    BODY_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    PIN_WRONG(401),
    PIN_LOCKED(423),
    NO_READER(409),
    CARD_ABSENT(409),
    CARD_ERROR(500),
    INTERNAL(500);

    private final int httpStatus;

    AgentError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The code as the protocol carries it, prefixed so a screenshot tells the agent's errors from the server's. */
    public String code() {
        return "AGENT-" + name();
    }
}
