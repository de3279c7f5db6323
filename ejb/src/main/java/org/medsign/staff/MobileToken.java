package org.medsign.staff;

import java.time.Instant;

/** A phone app's login: the bearer token (shown once), who and at which site (院區). */
public record MobileToken(String token, String employeeNumber, String name, String siteCode, String siteName,
                          Instant expiresAt) {
}
