package org.medsign.staff;

import org.medsign.kernel.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.time.Instant;

/**
 * 更改密碼: the Portal password, which the phone apps use too. Changing it ends every app login (M27): their tokens
 * were issued before the change and are refused with MS-1012 from then on.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class PasswordChange {

    static final int MIN_LENGTH = 8;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    AuditLog audit;

    public void change(String current, String next) {
        String me = caller.getCallerPrincipal().getName();
        PortalAccount account = em.createQuery("select a from PortalAccount a where a.username = :u", PortalAccount.class)
                .setParameter("u", me).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        try {
            if (current == null || !PasswordHasher.verify(current, account.passwordHash())) {
                throw new MedsignException(ErrorCode.BAD_CREDENTIALS);
            }
            if (!strongEnough(next) || next.equals(current)) {
                throw new MedsignException(ErrorCode.PASSWORD_TOO_WEAK, MIN_LENGTH);
            }
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.PASSWORD_CHANGED, me, me, e.errorCode(), null));
            throw e;
        }
        account.changePassword(PasswordHasher.hash(next), Instant.now());
        audit.record(AuditRecord.success(AuditAction.PASSWORD_CHANGED, me, me, null));
    }

    static boolean strongEnough(String password) {
        return password != null && password.length() >= MIN_LENGTH && password.length() <= LoginInput.MAX_PASSWORD
                && password.chars().anyMatch(Character::isLetter) && password.chars().anyMatch(Character::isDigit);
    }
}
