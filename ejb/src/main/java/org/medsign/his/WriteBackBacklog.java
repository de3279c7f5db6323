package org.medsign.his;

/**
 * How many signed states wait to be written back to the HIS, and for how long. The write-back queue
 * ({@code org.medsign.signing.writeback}) implements it; IT's monitoring reads it every watch and alerts while it
 * keeps growing. A server without a queue has no implementation (JMX then shows -1).
 */
public interface WriteBackBacklog {

    /** Signed states not yet written back. */
    long waiting();

    /** Seconds since the oldest waiting one was stored; 0 when none waits. */
    long oldestAgeSeconds();
}
