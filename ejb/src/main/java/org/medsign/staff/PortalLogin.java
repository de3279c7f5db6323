package org.medsign.staff;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Password login with the Portal account (M14, M20; the portal's own login until card login replaces it).
 * Wrong passwords are counted and lock the account; unknown accounts answer exactly like wrong passwords.
 */
@Stateless
public class PortalLogin {

    private static final DateTimeFormatter LOCK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @PersistenceContext
    EntityManager em;

    @Inject
    LoginAttempts attempts;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "medsign.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "medsign.login.lock-minutes", defaultValue = "15")
    int lockMinutes;

    @Inject
    @ConfigProperty(name = "medsign.time-zone", defaultValue = "Asia/Taipei")
    String timeZone;

    public AuthenticatedStaff authenticate(String username, String password, String clientAddress) {
        String name;
        try {
            name = LoginInput.normalizedUsername(username, password);
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.PORTAL_LOGIN, "anonymous", null, e.errorCode(), clientAddress));
            throw e;
        }
        PortalAccount account = em.createQuery("select a from PortalAccount a where a.username = :u", PortalAccount.class)
                .setParameter("u", name).getResultStream().findFirst().orElse(null);
        Instant now = Instant.now();
        if (account == null) {
            PasswordHasher.verifyDecoy(password);
            throw refused(ErrorCode.BAD_CREDENTIALS, "anonymous", name, clientAddress);
        }
        if (account.lockedAt(now)) {
            throw refused(ErrorCode.ACCOUNT_LOCKED, name, name, clientAddress, lockTime(account.lockedUntil()));
        }
        if (!PasswordHasher.verify(password, account.passwordHash())) {
            Instant lockedUntil = attempts.recordFailure(account.id(), maxFailures, Duration.ofMinutes(lockMinutes), now);
            if (lockedUntil != null) {
                throw refused(ErrorCode.ACCOUNT_LOCKED, name, name, clientAddress, lockTime(lockedUntil));
            }
            throw refused(ErrorCode.BAD_CREDENTIALS, name, name, clientAddress);
        }
        if (!account.staffMember().active()) {
            throw refused(ErrorCode.ACCOUNT_DISABLED, name, name, clientAddress);
        }
        account.loginSucceeded(now);
        audit.record(AuditRecord.success(AuditAction.PORTAL_LOGIN, name, name, clientAddress));
        StaffMember staff = account.staffMember();
        return new AuthenticatedStaff(account.id(), staff.employeeNumber(), staff.name(), staff.title(),
                staff.site().code(), account.roles());
    }

    private MedsignException refused(ErrorCode code, String actor, String subject, String clientAddress,
                                     Object... arguments) {
        audit.record(AuditRecord.failure(AuditAction.PORTAL_LOGIN, actor, subject, code, clientAddress));
        return new MedsignException(code, arguments);
    }

    private String lockTime(Instant instant) {
        return LOCK_TIME.format(instant.atZone(ZoneId.of(timeZone)));
    }
}
