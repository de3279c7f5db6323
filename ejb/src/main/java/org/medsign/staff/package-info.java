/**
 * The staff directory: sites (院區), departments, professions, staff members and their portal accounts,
 * with password login and its lock-out. Other capabilities reach staff only through
 * {@link org.medsign.staff.StaffDirectory}. What pages hold ({@code StaffSummary}, {@code StaffProfile},
 * {@code AuthenticatedStaff}) is Serializable: the portal keeps it in view or session state, which a cluster
 * replicates to another node.
 */
package org.medsign.staff;
