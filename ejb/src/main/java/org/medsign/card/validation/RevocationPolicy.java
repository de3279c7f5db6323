package org.medsign.card.validation;

import java.util.Locale;

/** What card validation does when a card's revocation status cannot be learnt (CRL unreachable, stale or bad). */
public enum RevocationPolicy {
    /** Refuse the card (MS-2014): a revoked card must never get in (R2). The default. */
    FAIL_CLOSED,
    /** Accept the card, and say so in the audit trail: for a hospital that prefers availability during an HCA outage. */
    FAIL_OPEN;

    /** Reads {@code fail-closed} / {@code fail-open} (any case, - or _). */
    public static RevocationPolicy parse(String value) {
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return valueOf(normalized);
    }
}
