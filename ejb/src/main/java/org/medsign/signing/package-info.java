/**
 * Signing (待簽病歷, 批次簽章), by what each part does:
 * <ul>
 * <li>{@link org.medsign.signing.pending}: the pending index of records awaiting their author's signature in the R1
 * window, kept exact by the unsigned-scan job (its state too) and refreshed per person on demand;</li>
 * <li>{@link org.medsign.signing.deadline}: the 24-hour rule itself, counted from a record's first creation;</li>
 * <li>{@link org.medsign.signing.overdue}: who is late or about to be (首頁, IT's board, reminders) and the hand-over of
 * overdue versions to institution signing;</li>
 * <li>{@link org.medsign.signing.eportal}: E Portal device binding from the intranet (M19);</li>
 * <li>{@link org.medsign.signing.batch}: batch signing (M23), from the request to the stored, timestamped signature;</li>
 * <li>{@link org.medsign.signing.evidence}: the kept signatures (CAdES-T, then LTA) and their re-verification;</li>
 * <li>{@link org.medsign.signing.longterm}: the long-term-evidence job's augmentation to LT and LTA, and renewal;</li>
 * <li>{@link org.medsign.signing.writeback}: the HIS marks that wait while the HIS is unreachable;</li>
 * <li>{@link org.medsign.signing.export}: one record version's evidence as an ASiC-E container.</li>
 * </ul>
 * Dependencies point one way: batch uses pending, deadline, eportal and evidence; export uses evidence; overdue uses pending and deadline;
 * pending uses deadline; nothing here depends on {@code org.medsign.institution}.
 */
package org.medsign.signing;
