package org.medsign.staff;

import org.medsign.kernel.Role;

import java.io.Serializable;
import java.util.Set;

/**
 * Who logged in, as the portal session and the API tokens keep it. Serializable: on a cluster the session travels to
 * the node that carries on when its own dies.
 */
public record AuthenticatedStaff(long accountId, String employeeNumber, String name, String title,
                                 String siteCode, Set<Role> roles) implements Serializable {
}
