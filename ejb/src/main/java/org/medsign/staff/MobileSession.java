package org.medsign.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A phone app's login (M14, M20): a bearer token kept only as its hash, for one site, until it expires or
 * the Portal password changes (M27: the app must then log in again with the new password).
 */
@Entity
@Table(name = "mobile_session")
public class MobileSession {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mobile_session_seq")
    @SequenceGenerator(name = "mobile_session_seq", sequenceName = "mobile_session_seq", allocationSize = 50)
    private Long id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "employee_number", nullable = false, length = 16)
    private String employeeNumber;

    @Column(name = "site_code", nullable = false, length = 8)
    private String siteCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(nullable = false)
    private boolean revoked;

    protected MobileSession() {
    }

    MobileSession(String tokenHash, String employeeNumber, String siteCode, Instant now, Instant expiresAt,
                  Instant passwordChangedAt) {
        this.tokenHash = tokenHash;
        this.employeeNumber = employeeNumber;
        this.siteCode = siteCode;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.passwordChangedAt = passwordChangedAt;
    }

    String employeeNumber() {
        return employeeNumber;
    }

    String siteCode() {
        return siteCode;
    }

    /** A revoked or expired session (the token check reads its columns without the entity). */
    static boolean expiredAt(boolean revoked, Instant expiresAt, Instant now) {
        return revoked || !now.isBefore(expiresAt);
    }

    /** The password changed since this login (M27). */
    static boolean outdatedBy(Instant passwordAtLogin, Instant currentPasswordChange) {
        return currentPasswordChange.isAfter(passwordAtLogin);
    }
}
