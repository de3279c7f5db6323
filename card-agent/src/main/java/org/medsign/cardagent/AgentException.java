package org.medsign.cardagent;

/** A failure the agent reports to the page as {@code {"error": code, "message": ...}}. */
public class AgentException extends Exception {
    private static final long serialVersionUID = 1L;

    private final AgentError error;
    private final Integer pinTriesLeft;

    public AgentException(AgentError error, String message) {
        this(error, message, null);
    }

    public AgentException(AgentError error, String message, Integer pinTriesLeft) {
        super(message);
        this.error = error;
        this.pinTriesLeft = pinTriesLeft;
    }

    public AgentError error() {
        return error;
    }

    /** Wrong-PIN tries left when known (PIN_WRONG, PIN_LOCKED), otherwise null. */
    public Integer pinTriesLeft() {
        return pinTriesLeft;
    }
}
