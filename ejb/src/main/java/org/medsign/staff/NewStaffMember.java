package org.medsign.staff;

import org.medsign.kernel.Role;
import java.util.Set;

/** What the directory needs to register a person (from HR, or the demo data). */
public record NewStaffMember(String employeeNumber, String name, String title, Sex sex, String nationalId,
                             String email, String phone, String licenceNumber, String siteCode,
                             String departmentCode, String professionCode, Set<Role> roles) {
}
