package org.medsign.staff;

import org.medsign.kernel.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Portal account of a staff member: the password the phone apps also use (M14, M20, M27),
 * the roles, and the count of wrong passwords that locks it.
 */
@Entity
@Table(name = "portal_account")
public class PortalAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_account_seq")
    @SequenceGenerator(name = "portal_account_seq", sequenceName = "portal_account_seq", allocationSize = 50)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "staff_member_id")
    private StaffMember staffMember;

    @Column(nullable = false, unique = true, length = 32)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Convert(converter = RoleSetConverter.class)
    @Column(nullable = false, length = 100)
    private Set<Role> roles;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Version
    private long version;

    protected PortalAccount() {
    }

    PortalAccount(StaffMember staffMember, String passwordHash, Set<Role> roles, Instant now) {
        this.staffMember = staffMember;
        this.username = staffMember.employeeNumber();
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.of(Role.STAFF) : EnumSet.copyOf(roles);
        this.passwordChangedAt = now;
    }

    boolean lockedAt(Instant now) {
        return lockedAt(lockedUntil, now);
    }

    /** The lock-out rule on the column, for the token check that reads it without the entity. */
    static boolean lockedAt(Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a wrong password; at the limit the account locks for the given time and the count restarts. */
    Instant failedLogin(int maxFailures, java.time.Duration lockDuration, Instant now) {
        failedAttempts++;
        if (failedAttempts >= maxFailures) {
            failedAttempts = 0;
            lockedUntil = now.plus(lockDuration);
            return lockedUntil;
        }
        return null;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
    }

    void loginSucceeded(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    /** A login proved otherwise (the card): the password count is not this login's business. */
    void verifiedLogin(Instant now) {
        lastLoginAt = now;
    }

    public Long id() {
        return id;
    }

    public StaffMember staffMember() {
        return staffMember;
    }

    public String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }
}
