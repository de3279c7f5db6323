/**
 * The pending index (待簽病歷, M22, M24): one row per unsigned HIS record version of the last two months (R1,
 * {@link org.medsign.signing.pending.PendingWindow}), read through JPA and written in bulk with JDBC by the
 * unsigned-scan job, whose plan and watermark are kept here too; a person's refresh from the HIS; and the list as the
 * app reads it, joined with the HIS's current bytes to sign. Patient names are kept masked only.
 */
package org.medsign.signing.pending;
