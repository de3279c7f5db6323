package org.medsign.dev.hca;

import java.time.Instant;

/**
 * A card certificate the development HCA issued, as its register keeps it: serial (hex), a label (the employee
 * number, or what the card is for), validity end, revocation time and the soft card's file name. No names, no IDs.
 */
public record IssuedCard(String serialHex, String label, Instant notAfter, Instant revokedAt, String file) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return notAfter.isBefore(now);
    }

    IssuedCard revoke(Instant at) {
        return new IssuedCard(serialHex, label, notAfter, at, file);
    }

    String line() {
        return String.join("\t", serialHex, label, notAfter.toString(), revokedAt == null ? "-" : revokedAt.toString(), file);
    }

    static IssuedCard parse(String line) {
        String[] fields = line.split("\t");
        return new IssuedCard(fields[0], fields[1], Instant.parse(fields[2]),
                "-".equals(fields[3]) ? null : Instant.parse(fields[3]), fields[4]);
    }
}
