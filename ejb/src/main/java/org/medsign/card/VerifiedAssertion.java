package org.medsign.card;

import org.medsign.card.validation.ValidatedCard;

/** A card assertion whose challenge, signature and certificate all checked out. */
public record VerifiedAssertion(ValidatedCard card, byte[] signedText, byte[] signature, String algorithm) {

    @Override
    public String toString() {
        return "assertion by " + card;
    }
}
