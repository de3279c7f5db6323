package org.medsign.device;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppVersionTest {

    private final AppVersion minimum = AppVersion.of("1.0.22", 8);

    @Test
    void comparesPartByPartThenBuild() {
        assertTrue(AppVersion.of("1.0.22", 7).compareTo(minimum) < 0);
        assertTrue(AppVersion.of("1.0.9", 99).compareTo(minimum) < 0);
        assertEquals(0, AppVersion.of("1.0.22", 8).compareTo(minimum));
        assertTrue(AppVersion.of("1.0.23", 1).compareTo(minimum) > 0);
        assertTrue(AppVersion.of("1.1", 0).compareTo(minimum) > 0);
        assertEquals(AppVersion.of("1.0", 3), AppVersion.of("1.0.0", 3));
    }

    @Test
    void refusesGarbage() {
        for (String bad : new String[]{null, "", "1..2", "v1.0", "1.0.22-beta", "99999.1"}) {
            assertThrows(IllegalArgumentException.class, () -> AppVersion.of(bad, 1), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> AppVersion.of("1.0", -1));
    }
}
