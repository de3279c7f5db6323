package org.medsign.mobile;

import java.util.Set;

/**
 * The signing PIN (金鑰保護密碼, M16): it encrypts the signing key on the phone, and the manual asks for the
 * card's PIN. At least 6 digits; repeated, sequential and common PINs are refused.
 */
public final class SigningPin {

    private static final Set<String> COMMON = Set.of("123456", "654321", "123123", "121212", "112233", "520520",
            "123321", "147258", "159357", "000000", "111111", "888888", "666666", "12345678", "87654321");

    private SigningPin() {
    }

    public static char[] check(char[] pin) {
        String text = new String(pin);
        if (!text.matches("\\d{6,12}")) {
            throw new IllegalArgumentException("The signing PIN must be 6 to 12 digits");
        }
        if (COMMON.contains(text) || text.chars().distinct().count() == 1 || sequential(text)) {
            throw new IllegalArgumentException("This signing PIN is too easy to guess; choose another");
        }
        return pin;
    }

    private static boolean sequential(String digits) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < digits.length(); i++) {
            int step = digits.charAt(i) - digits.charAt(i - 1);
            up &= step == 1;
            down &= step == -1;
        }
        return up || down;
    }
}
