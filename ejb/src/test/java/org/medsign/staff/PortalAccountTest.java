package org.medsign.staff;

import org.medsign.kernel.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortalAccountTest {

    private final Instant now = Instant.parse("2026-11-26T08:00:00Z");

    private PortalAccount account() {
        StaffMember member = new StaffMember(new NewStaffMember("N0001", "陳美玲", "護理師", Sex.FEMALE, "A223456789",
                null, null, null, "T0", null, null, EnumSet.of(Role.STAFF)),
                new StaffMember.SealedNationalId(new byte[1], "A22****789", "d"), null, null, null, now);
        return new PortalAccount(member, "hash", EnumSet.of(Role.STAFF), now);
    }

    @Test
    void locksAtTheFifthWrongPassword() {
        PortalAccount account = account();
        for (int i = 1; i < 5; i++) {
            assertNull(account.failedLogin(5, Duration.ofMinutes(15), now));
            assertEquals(i, account.failedAttempts());
        }
        Instant lockedUntil = account.failedLogin(5, Duration.ofMinutes(15), now);
        assertEquals(now.plus(Duration.ofMinutes(15)), lockedUntil);
        assertTrue(account.lockedAt(now.plusSeconds(60)));
        assertFalse(account.lockedAt(now.plus(Duration.ofMinutes(16))));
    }

    @Test
    void aGoodLoginForgetsEarlierMistakes() {
        PortalAccount account = account();
        account.failedLogin(5, Duration.ofMinutes(15), now);
        account.loginSucceeded(now);
        assertEquals(0, account.failedAttempts());
        assertEquals(now, account.lastLoginAt());
    }

    @Test
    void aNewAccountIsAtLeastStaff() {
        PortalAccount account = new PortalAccount(account().staffMember(), "h", EnumSet.noneOf(Role.class), now);
        assertEquals(EnumSet.of(Role.STAFF), account.roles());
    }
}
