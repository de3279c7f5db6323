/**
 * Who is late or about to be under the 24-hour rule, read from the pending index: a person's picture for 首頁 and
 * the reminders, IT's board per person and department, and the signing-deadline job's hand-over of newly overdue
 * versions ({@link org.medsign.signing.overdue.OverdueRecord.Batch}) to institution signing. How many of those the
 * institution signed is asked through {@link org.medsign.signing.overdue.InstitutionCoverage}, which
 * {@code org.medsign.institution} implements, so signing never reads the institution's table.
 */
package org.medsign.signing.overdue;
