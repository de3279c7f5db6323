package org.medsign.staff;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.HexFormat;

/**
 * Logs the phone apps in (M14: site + Portal account + password; M20 likewise) and recognises their bearer
 * tokens afterwards. Password rules and lock-out are the portal's ({@link PortalLogin}).
 */
@Stateless
@PermitAll
public class MobileLogin {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalLogin portalLogin;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "medsign.mobile.session-hours", defaultValue = "12")
    int sessionHours;

    public MobileToken login(String siteCode, String username, String password, String clientAddress) {
        Site site = siteCode == null ? null : em.find(Site.class, siteCode.strip().toUpperCase(java.util.Locale.ROOT));
        if (site == null) {
            audit.record(AuditRecord.failure(AuditAction.MOBILE_LOGIN, "anonymous", siteCode == null ? null
                    : siteCode.substring(0, Math.min(8, siteCode.length())), ErrorCode.SITE_UNKNOWN, clientAddress));
            throw new MedsignException(ErrorCode.SITE_UNKNOWN);
        }
        AuthenticatedStaff staff = portalLogin.authenticate(username, password, clientAddress);
        PortalAccount account = em.find(PortalAccount.class, staff.accountId());
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofHours(sessionHours));
        em.persist(new MobileSession(hash(token), staff.employeeNumber(), site.code(), now, expires,
                account.passwordChangedAt()));
        audit.record(AuditRecord.success(AuditAction.MOBILE_LOGIN, staff.employeeNumber(), site.code(), clientAddress));
        return new MobileToken(token, staff.employeeNumber(), staff.name(), site.code(), site.name().in(null), expires);
    }

    /**
     * Who a bearer token belongs to; refuses expired tokens and tokens older than the last password change. Runs on
     * every API request and only reads, so it opens no transaction of its own, and it reads plain columns of the
     * session, the account and the staff member in one round trip: entities would cost a second query for the staff
     * member (not in the shared cache, as deactivation must reach every node at once) and their bookkeeping.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuthenticatedStaff authenticate(String token) {
        Object[] found = token == null ? null
                : em.createQuery("select s.revoked, s.expiresAt, s.passwordChangedAt, s.siteCode,"
                        + " a.id, a.passwordChangedAt, a.lockedUntil, a.roles, m.active, m.employeeNumber, m.name, m.title"
                        + " from MobileSession s, PortalAccount a join a.staffMember m"
                        + " where s.tokenHash = :h and a.username = s.employeeNumber", Object[].class)
                .setParameter("h", hash(token)).getResultStream().findFirst().orElse(null);
        Instant now = Instant.now();
        if (found == null || MobileSession.expiredAt((Boolean) found[0], (Instant) found[1], now)) {
            throw new MedsignException(ErrorCode.MOBILE_SESSION_EXPIRED);
        }
        if (MobileSession.outdatedBy((Instant) found[2], (Instant) found[5])) {
            throw new MedsignException(ErrorCode.MOBILE_PASSWORD_CHANGED);
        }
        if (!(Boolean) found[8] || PortalAccount.lockedAt((Instant) found[6], now)) {
            throw new MedsignException(ErrorCode.ACCOUNT_DISABLED);
        }
        @SuppressWarnings("unchecked")
        Set<Role> roles = EnumSet.copyOf((Set<Role>) found[7]);
        return new AuthenticatedStaff((Long) found[4], (String) found[9], (String) found[10], (String) found[11],
                (String) found[3], roles);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
