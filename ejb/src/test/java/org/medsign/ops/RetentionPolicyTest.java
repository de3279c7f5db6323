package org.medsign.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPolicyTest {

    @Test
    void sevenYearsUnlessTheHospitalKeepsLonger() {
        assertEquals(7, RetentionPolicy.years(null));
        assertEquals(7, RetentionPolicy.years(" "));
        assertEquals(25, RetentionPolicy.years(" 25 "));
    }

    @Test
    void lessThanTheLegalMinimumOrNotANumberStopsTheServer() {
        assertTrue(assertThrows(IllegalStateException.class, () -> RetentionPolicy.years("6")).getMessage().contains("at least 7"));
        assertThrows(IllegalStateException.class, () -> RetentionPolicy.years("-1"));
        assertThrows(IllegalStateException.class, () -> RetentionPolicy.years("7y"));
    }
}
