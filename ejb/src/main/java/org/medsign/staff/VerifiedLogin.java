package org.medsign.staff;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.privacy.PersonalDataVault;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The directory's side of a login whose proof another capability has checked (the professional card): finds the
 * person a card names and opens their account without a password. Callers must have verified who it is; nothing
 * here does. The password lock-out is left as it is: it counts wrong passwords, which a card login does not judge.
 */
@Stateless
public class VerifiedLogin {

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonalDataVault vault;

    /** The active staff member with this national ID, found by its keyed digest; the ID itself is not kept. */
    @PermitAll
    public Optional<String> employeeNumberForNationalId(String nationalId) {
        String digest = vault.digest(nationalId.strip().toUpperCase(Locale.ROOT));
        return em.createQuery("select m from StaffMember m where m.nationalIdDigest = :d", StaffMember.class)
                .setParameter("d", digest).getResultStream().findFirst().map(StaffMember::employeeNumber);
    }

    @PermitAll
    public boolean exists(String employeeNumber) {
        return account(employeeNumber).isPresent();
    }

    /** Logs the person in: refuses a disabled account (MS-1008), records the login time. */
    @PermitAll
    public AuthenticatedStaff logIn(String employeeNumber) {
        PortalAccount account = account(employeeNumber).orElseThrow(() -> new MedsignException(ErrorCode.NOT_FOUND));
        StaffMember staff = account.staffMember();
        if (!staff.active()) {
            throw new MedsignException(ErrorCode.ACCOUNT_DISABLED);
        }
        account.verifiedLogin(Instant.now());
        return new AuthenticatedStaff(account.id(), staff.employeeNumber(), staff.name(), staff.title(),
                staff.site().code(), account.roles());
    }

    private Optional<PortalAccount> account(String employeeNumber) {
        return em.createQuery("select a from PortalAccount a where a.username = :u", PortalAccount.class)
                .setParameter("u", employeeNumber).getResultStream().findFirst();
    }
}
