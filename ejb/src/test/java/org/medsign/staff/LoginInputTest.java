package org.medsign.staff;

import org.junit.jupiter.api.Test;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoginInputTest {

    @Test
    void normalizesEmployeeNumbers() {
        assertEquals("N0001", LoginInput.normalizedUsername(" n0001 ", "pw"));
    }

    @Test
    void refusesOverLongAndMalformedValuesWithTheirCode() {
        for (String bad : new String[]{"", "x".repeat(33), "N0001'--", "陳美玲", null}) {
            MedsignException e = assertThrows(MedsignException.class, () -> LoginInput.normalizedUsername(bad, "pw"));
            assertEquals(ErrorCode.INVALID_INPUT, e.errorCode());
        }
        assertThrows(MedsignException.class, () -> LoginInput.normalizedUsername("N0001", "p".repeat(129)));
        assertThrows(MedsignException.class, () -> LoginInput.normalizedUsername("N0001", ""));
    }
}
