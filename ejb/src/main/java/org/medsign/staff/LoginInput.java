package org.medsign.staff;

import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.util.regex.Pattern;

/** The shape a login may have before any look-up is made: refuses over-long and malformed values. */
final class LoginInput {

    static final int MAX_USERNAME = 32;
    static final int MAX_PASSWORD = 128;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private LoginInput() {
    }

    static String normalizedUsername(String username, String password) {
        if (username == null || !USERNAME.matcher(username.strip()).matches()) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "username");
        }
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "password");
        }
        return username.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
