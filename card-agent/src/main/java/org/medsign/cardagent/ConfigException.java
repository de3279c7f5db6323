package org.medsign.cardagent;

/** Settings the agent cannot start with; the message is meant for the person starting it. */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
