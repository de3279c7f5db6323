/**
 * The HIS write-back queue: the signed marks medsign owes the HIS, kept durably so that an HIS outage never loses one
 * and never stops signing. A batch stores its signatures in medsign's database whatever state the HIS is in; their
 * marks are written at once when the HIS answers (after the few older ones a racing batch left, so none overtakes
 * another), else they wait for the {@code his-write-back} job, which writes them oldest first when the HIS is back.
 * A batch that finds a backlog (more than a batch's worth waiting) leaves its marks to the job too.
 * <p>
 * <b>The queue is {@code record_signature} itself</b> ({@code his_marked} false and no {@code his_outcome}), not an
 * outbox table. An outbox would copy what the row already holds (record, version, signer, signing time, the
 * reference the HIS keeps) and need its own transaction discipline to stay in step with it; the row is written in
 * the very transaction that stores the signature, so a stored signature always has its mark waiting. Order needs no
 * outbox sequence: the queue is drained by (stored time, id), the order the signatures were stored in, through the
 * index {@code record_signature_unmarked} (V20); every writer locks the rows it writes in that order
 * ({@code SELECT … FOR UPDATE}), so a mark another writer finished meanwhile drops out, and two writers never wait
 * for each other in a cycle. Idempotency needs none either: the HIS's own update is conditional
 * ({@link org.medsign.his.HisGateway#markSigned}: a version already signed answers ALREADY_SIGNED and changes
 * nothing), so a mark written twice (a crash between the HIS's commit and ours, the job racing a batch) is
 * harmless, and the first answer is the one kept.
 * <p>
 * Every HIS answer ends a mark's wait: MARKED and ALREADY_SIGNED set {@code his_marked}; STALE_VERSION (the record
 * changed in the HIS meanwhile: the new version is pending again and needs its own signature) and NOT_FOUND are kept
 * as the outcome and never retried. Only an unreachable HIS (MS-6001) leaves a mark waiting. The pending list does
 * not depend on any of this: a version medsign holds a signature for is hidden from it at once
 * ({@code pending_record.signed_version}), and no scan or refresh undoes that while the HIS still shows it unsigned.
 */
package org.medsign.signing.writeback;
