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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
     * every API request and only reads, so it opens no transaction of its own (one database round trip, not three).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuthenticatedStaff authenticate(String token) {
        // one round trip per API request: the session with its account and staff member
        Object[] found = token == null ? null
                : em.createQuery("select s, a from MobileSession s, PortalAccount a"
                        + " where s.tokenHash = :h and a.username = s.employeeNumber", Object[].class)
                .setParameter("h", hash(token)).getResultStream().findFirst().orElse(null);
        MobileSession session = found == null ? null : (MobileSession) found[0];
        if (session == null || session.expiredAt(Instant.now())) {
            throw new MedsignException(ErrorCode.MOBILE_SESSION_EXPIRED);
        }
        PortalAccount account = (PortalAccount) found[1];
        if (session.outdatedBy(account.passwordChangedAt())) {
            throw new MedsignException(ErrorCode.MOBILE_PASSWORD_CHANGED);
        }
        if (!account.staffMember().active() || account.lockedAt(Instant.now())) {
            throw new MedsignException(ErrorCode.ACCOUNT_DISABLED);
        }
        StaffMember staff = account.staffMember();
        return new AuthenticatedStaff(account.id(), staff.employeeNumber(), staff.name(), staff.title(),
                session.siteCode(), account.roles());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
