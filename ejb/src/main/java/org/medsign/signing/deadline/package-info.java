/**
 * The 24-hour rule for electronic medical records: a record is signed within 24 hours of being made, and is
 * approaching its deadline in the last hours before (both configurable).
 * <p>
 * The clock starts at the record's first creation; a later modification does not restart it. A record created on
 * 2026/10/10 17:51 and modified on 2026/10/12 11:53 was due on 2026/10/11 17:51, and its author signs it late (補簽,
 * with a delay reason) whatever version is signed. Lists therefore show the creation time next to the due time; the
 * modification time, when shown, is labelled as such. {@link org.medsign.signing.deadline.DeadlineRule} is the one
 * place that counts it; the batch's delay-reason check and the overdue queries use it.
 */
package org.medsign.signing.deadline;
