package org.medsign.dev.hca;

import java.time.Instant;

/**
 * A card to issue. {@code nationalId} null makes a certificate that names no holder identifier (such a card gets in
 * only through an IT link); {@code ec} picks an EC P-256 card key instead of RSA 2048 (what HCA cards hold).
 */
public record CardOrder(String label, String holderName, String nationalId, boolean ec, Instant notBefore,
                        Instant notAfter) {

    @Override
    public String toString() {
        return "card order " + label;
    }
}
