package org.medsign.ops.jmx;

/**
 * {@code org.medsign:type=Card}: the card CRLs (the HCA's) cached for validating professional cards, and the
 * latency of a card login in milliseconds (as in {@link SigningMXBean}).
 */
public interface CardMXBean {

    int getCardCrlsCached();

    /** Seconds since the stalest cached card CRL was fetched; -1 when none is cached yet. */
    long getCardCrlOldestFetchSeconds();

    /** The earliest nextUpdate among cached card CRLs, ISO-8601; "none" when none is cached. */
    String getCardCrlEarliestNextUpdate();

    /** Distribution points whose last refetch failed (card logins then rely on the cached CRL while it is current). */
    int getCardCrlFetchFailures();

    long getCardLoginCount();

    double getCardLoginLatencyP50Milliseconds();

    double getCardLoginLatencyP95Milliseconds();

    double getCardLoginLatencyP99Milliseconds();

    double getCardLoginLatencyMaxMilliseconds();

    /** Starts the card login latency figures again (audited). */
    void resetLatencies();
}
