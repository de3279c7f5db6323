package org.medsign.staff;

import java.io.Serializable;

/**
 * A staff member as 個人資料 and the certificate application (M10, M13) show them, in one language.
 * The national ID is masked; the unmasked value never leaves the directory.
 */
public record StaffProfile(String employeeNumber, String name, String title, Sex sex, String nationalIdMasked,
                           String email, String phone, String licenceNumber, String siteCode, String siteName,
                           String departmentName, String professionName) implements Serializable {
}
