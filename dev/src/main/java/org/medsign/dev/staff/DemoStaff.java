package org.medsign.dev.staff;

import org.medsign.kernel.Role;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.staff.Department;
import org.medsign.staff.LocalizedName;
import org.medsign.staff.Profession;
import org.medsign.staff.Site;
import org.medsign.staff.StaffDirectory;

import java.util.logging.Logger;

/**
 * Demo data for the embedded default: two sites, a few departments and the people of the manual's walkthrough.
 * Loaded once, into an empty directory, and only when {@code medsign.demo-data} is true; only the demo EAR has it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@DeclareRoles(Role.IT_ADMIN_NAME)
@RunAs(Role.IT_ADMIN_NAME)
public class DemoStaff {

    public static final String DEMO_PASSWORD = "Medsign#2026";
    private static final Logger LOG = Logger.getLogger(DemoStaff.class.getName());

    // named: the unit lives in medsign-ejb, another module of the EAR
    @PersistenceContext(unitName = "medsign")
    EntityManager em;

    @Inject
    StaffDirectory directory;

    @Inject
    @ConfigProperty(name = "medsign.demo-data", defaultValue = "false")
    boolean enabled;

    @PostConstruct
    void load() {
        if (!enabled || directory.count() > 0) {
            return;
        }
        Site main = site("T0", "總院區", "Main site");
        Site cancer = site("T1", "癌醫分院", "Cancer Centre branch");
        department("NUR", main, "護理部", "Nursing");
        department("MED", main, "內科部", "Internal Medicine");
        department("EMR", main, "急診部", "Emergency");
        department("ITO", main, "資訊室", "Information Technology");
        department("MRA", main, "病歷室", "Medical Records");
        department("ONC", cancer, "腫瘤內科", "Oncology");
        profession("NURSE", "護理師", "Nurse");
        profession("PHYSICIAN", "醫師", "Physician");
        profession("PHARMACIST", "藥師", "Pharmacist");
        profession("IT_ENGINEER", "資訊工程師", "IT engineer");
        profession("ADMINISTRATOR", "行政人員", "Administrator");
        em.flush();

        DemoPeople.all().forEach(person -> directory.register(person, DEMO_PASSWORD));
        LOG.info(() -> "Demo staff directory loaded (" + DemoPeople.all().size() + " people); the demo password applies to all");
    }

    private Site site(String code, String zh, String en) {
        Site site = new Site(code, new LocalizedName(zh, en));
        em.persist(site);
        return site;
    }

    private void department(String code, Site site, String zh, String en) {
        em.persist(new Department(code, site, new LocalizedName(zh, en)));
    }

    private void profession(String code, String zh, String en) {
        em.persist(new Profession(code, new LocalizedName(zh, en)));
    }
}
