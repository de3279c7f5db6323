package org.medsign.cardagent.card;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The card as {@code GET /v1/status} reports it.
 *
 * @param chain        the card certificate and issuers last read from this card while it stayed in the reader
 *                     (card key stores open only with the PIN), empty before the first PIN
 * @param pinTriesLeft null when neither the card nor the agent counts
 */
public record CardStatus(String backend, boolean readerPresent, boolean cardPresent, List<X509Certificate> chain,
                         Integer pinTriesLeft, boolean locked, boolean simulation) {
    public CardStatus {
        chain = List.copyOf(chain);
    }
}
