package org.medsign.card;

import java.time.Instant;

/** One of IT's card links as the 醫事人員卡對應 page lists it. */
public record CardLinkView(String certificateSha256, String employeeNumber, String note, String linkedBy,
                           Instant linkedAt) {

    static CardLinkView of(CardHolderLink link) {
        return new CardLinkView(link.certificateSha256(), link.employeeNumber(), link.note(), link.linkedBy(),
                link.linkedAt());
    }
}
