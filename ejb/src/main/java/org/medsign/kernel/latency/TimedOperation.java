package org.medsign.kernel.latency;

import java.util.Locale;

/** The operations whose latency IT watches; the label is the Prometheus label value and the JMX prefix's source. */
public enum TimedOperation {
    /** One batch of signatures from a phone ({@code POST /api/v1/signatures}). */
    BATCH_SIGNING,
    /** A certificate issued for a phone's CSR ({@code POST /api/v1/enrolments}). */
    CERTIFICATE_ISSUANCE,
    /** The phone's pending list ({@code GET /api/v1/pending}). */
    PENDING_LIST,
    /** A professional card's login to the portal (the card's signature checked, its certificate validated). */
    CARD_LOGIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
