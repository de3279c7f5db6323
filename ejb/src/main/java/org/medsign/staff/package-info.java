/**
 * The staff directory: sites (院區), departments, professions, staff members and their portal accounts,
 * with password login and its lock-out. Other capabilities reach staff only through {@link org.medsign.staff.StaffDirectory}.
 */
package org.medsign.staff;
