package org.medsign.his;

/**
 * How many signed states wait to be written back to the HIS. The write-back queue implements it as a CDI bean;
 * IT's monitoring reads it every watch and alerts while it keeps growing. Until a queue exists, nothing implements it.
 */
public interface WriteBackBacklog {

    /** Signed states not yet written back. */
    long waiting();
}
