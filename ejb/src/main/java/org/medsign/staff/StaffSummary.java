package org.medsign.staff;

/** One line of a staff list: the name is masked (陳OO), as on every list. */
public record StaffSummary(String employeeNumber, String maskedName, String siteCode, String departmentName,
                           String professionName, boolean active) {
}
