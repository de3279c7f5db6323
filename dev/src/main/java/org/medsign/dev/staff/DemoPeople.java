package org.medsign.dev.staff;

import org.medsign.kernel.Role;
import org.medsign.staff.NewStaffMember;
import org.medsign.staff.Sex;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The people of the demo directory (the manual's walkthrough). {@link DemoStaff} registers them; the development
 * HCA issues their demo cards from the same list, so a demo card's holder is always in the demo directory.
 */
public final class DemoPeople {

    private DemoPeople() {
    }

    public static List<NewStaffMember> all() {
        Set<Role> staff = EnumSet.of(Role.STAFF);
        return List.of(
                person("N0001", "陳美玲", "護理師", Sex.FEMALE, "A223456789", "T0", "NUR", "NURSE", "護字第123456號", staff),
                person("N0002", "林怡君", "護理師", Sex.FEMALE, "B287654321", "T0", "EMR", "NURSE", "護字第234567號", staff),
                person("N0004", "吳佩珊", "護理師", Sex.FEMALE, "J223344556", "T0", "NUR", "NURSE", "護字第456789號", staff),
                person("N0005", "許雅雯", "護理師", Sex.FEMALE, "K225566778", "T0", "EMR", "NURSE", "護字第567890號", staff),
                person("N0003", "黃淑芬", "護理長", Sex.FEMALE, "F212345678", "T1", "ONC", "NURSE", "護字第345678號", staff),
                person("D0001", "王大明", "主治醫師", Sex.MALE, "A123456780", "T0", "MED", "PHYSICIAN", "醫字第045678號", staff),
                person("IT0001", "李志明", "資訊工程師", Sex.MALE, "H120000003", "T0", "ITO", "IT_ENGINEER", null,
                        EnumSet.of(Role.STAFF, Role.IT_ADMIN)),
                person("AU0001", "張雅婷", "病歷管理師", Sex.FEMALE, "E221111118", "T0", "MRA", "ADMINISTRATOR", null,
                        EnumSet.of(Role.STAFF, Role.AUDITOR)));
    }

    private static NewStaffMember person(String employeeNumber, String name, String title, Sex sex, String nationalId,
                                         String site, String department, String profession, String licence,
                                         Set<Role> roles) {
        String mail = employeeNumber.toLowerCase(Locale.ROOT) + "@hospital.example";
        return new NewStaffMember(employeeNumber, name, title, sex, nationalId, mail,
                "02-2312-3456#" + employeeNumber.substring(employeeNumber.length() - 3), licence, site, department,
                profession, roles);
    }
}
