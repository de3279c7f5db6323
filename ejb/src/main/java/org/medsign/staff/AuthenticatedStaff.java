package org.medsign.staff;

import org.medsign.kernel.Role;
import java.util.Set;

/** Who logged in, as the portal session and the API tokens keep it. */
public record AuthenticatedStaff(long accountId, String employeeNumber, String name, String title,
                                 String siteCode, Set<Role> roles) {
}
