package org.medsign.cardagent.backend;

import org.medsign.cardagent.AgentException;

/** One kind of card store. Implementations are used by one thread at a time (the card service serialises). */
public interface CardBackend {

    /** The protocol's name for it: "pkcs11" or "pkcs12". */
    String type();

    boolean readerPresent();

    boolean cardPresent();

    /** What the card itself says about its PIN tries; {@link PinStatus#UNKNOWN} when it says nothing. */
    PinStatus pinStatus();

    /**
     * Proves the PIN to the card and signs the data with the card key (SHA-256 with RSA PKCS#1 v1.5 or ECDSA).
     * The PIN array is the caller's to wipe.
     */
    SignResult sign(byte[] data, char[] pin) throws AgentException;
}
