package org.medsign.staff;

import java.io.Serializable;

/** One line of a staff list: the name is masked (陳OO), as on every list. */
public record StaffSummary(String employeeNumber, String maskedName, String siteCode, String departmentName,
                           String professionName, boolean active) implements Serializable {
}
