package org.medsign.staff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = PasswordHasher.hash("Medsign#2026");
        assertTrue(PasswordHasher.verify("Medsign#2026", hash));
        assertFalse(PasswordHasher.verify("medsign#2026", hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(PasswordHasher.hash("same"), PasswordHasher.hash("same"));
    }

    @Test
    void recordsItsWorkFactorSoItCanBeRaised() {
        assertTrue(PasswordHasher.hash("x").startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"));
    }

    @Test
    void refusesHashesOfAnUnknownScheme() {
        assertFalse(PasswordHasher.verify("x", "md5$abc"));
    }
}
