package org.medsign.staff;

import org.medsign.kernel.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.privacy.Masking;
import org.medsign.privacy.PersonalDataVault;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The staff directory's public face: profiles, searches and registration. Staff see their own record;
 * IT and auditors search everyone; only IT registers people.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class StaffDirectory {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    PersonalDataVault vault;

    /** The caller's own record (個人資料). */
    public StaffProfile myProfile(Locale locale) {
        return profile(member(caller.getCallerPrincipal().getName()), locale);
    }

    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public StaffProfile profileOf(String employeeNumber, Locale locale) {
        return profile(member(employeeNumber), locale);
    }

    private static StaffProfile profile(StaffMember m, Locale locale) {
        return new StaffProfile(m.employeeNumber(), m.name(), m.title(), m.sex(), m.nationalIdMasked(), m.email(),
                m.phone(), m.licenceNumber(), m.site().code(), m.site().name().in(locale),
                m.department() == null ? null : m.department().name().in(locale),
                m.profession() == null ? null : m.profession().name().in(locale));
    }

    /** By employee number, name, site or department (code or name, either language). */
    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<StaffSummary> search(String text, int max, Locale locale) {
        String like = "%" + (text == null ? "" : text.strip().toUpperCase(Locale.ROOT)) + "%";
        return em.createQuery("select m from StaffMember m join m.site s left join m.department d"
                        + " where upper(m.employeeNumber) like :q or upper(m.name) like :q or upper(s.code) like :q"
                        + " or upper(s.name.chinese) like :q or upper(s.name.english) like :q or upper(d.code) like :q"
                        + " or upper(d.name.chinese) like :q or upper(d.name.english) like :q"
                        + " order by m.employeeNumber", StaffMember.class)
                .setParameter("q", like)
                .setMaxResults(max)
                .getResultStream()
                .map(m -> new StaffSummary(m.employeeNumber(), Masking.name(m.name()), m.site().code(),
                        m.department() == null ? null : m.department().name().in(locale),
                        m.profession() == null ? null : m.profession().name().in(locale), m.active()))
                .toList();
    }

    @RolesAllowed(Role.IT_ADMIN_NAME)
    public long count() {
        return em.createQuery("select count(m) from StaffMember m", Long.class).getSingleResult();
    }

    /** Registers a person with a portal account; used by the HR import and the demo data. */
    @RolesAllowed(Role.IT_ADMIN_NAME)
    public void register(NewStaffMember details, String initialPassword) {
        Site site = em.find(Site.class, details.siteCode());
        if (site == null) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "site");
        }
        Department department = details.departmentCode() == null ? null
                : em.createQuery("select d from Department d where d.site = :s and d.code = :c", Department.class)
                .setParameter("s", site).setParameter("c", details.departmentCode())
                .getResultStream().findFirst()
                .orElseThrow(() -> new MedsignException(ErrorCode.INVALID_INPUT, "department"));
        Profession profession = details.professionCode() == null ? null : em.find(Profession.class, details.professionCode());
        String id = details.nationalId().strip().toUpperCase(Locale.ROOT);
        StaffMember member = new StaffMember(details,
                new StaffMember.SealedNationalId(vault.seal(id), Masking.nationalId(id), vault.digest(id)),
                site, department, profession, Instant.now());
        em.persist(member);
        em.persist(new PortalAccount(member, PasswordHasher.hash(initialPassword), details.roles(), Instant.now()));
    }

    /** Where the jobs' mail to a person goes; open to every caller as the jobs run without one. */
    @jakarta.annotation.security.PermitAll
    public java.util.Optional<String> emailOf(String employeeNumber) {
        return em.createQuery("select m.email from StaffMember m where m.employeeNumber = :e and m.active = true", String.class)
                .setParameter("e", employeeNumber).getResultStream().findFirst().filter(mail -> !mail.isBlank());
    }

    private StaffMember member(String employeeNumber) {
        return em.createQuery("select m from StaffMember m where m.employeeNumber = :e", StaffMember.class)
                .setParameter("e", employeeNumber)
                .getResultStream().findFirst()
                .orElseThrow(() -> new MedsignException(ErrorCode.NOT_FOUND));
    }
}
