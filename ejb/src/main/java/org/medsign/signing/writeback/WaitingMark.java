package org.medsign.signing.writeback;

import org.medsign.his.HisGateway;
import org.medsign.signing.evidence.RecordSignature;

import java.io.Serializable;
import java.time.Instant;

/** A signed mark the HIS still lacks: which signature, of which record version, by whom, signed and stored when. */
public record WaitingMark(long signatureId, long recordId, int version, String signer, Instant signingTime,
                          Instant storedAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    static WaitingMark of(RecordSignature s) {
        return new WaitingMark(s.id(), s.hisRecordId(), s.recordVersion(), s.signer(), s.signingTime(), s.createdAt());
    }

    public QueuePosition position() {
        return new QueuePosition(storedAt, signatureId);
    }

    /** The mark as the HIS writes it, with the reference by which the HIS finds the signature in medsign. */
    HisGateway.SignedRecord toHis() {
        return new HisGateway.SignedRecord(recordId, version, signer, RecordSignature.reference(signatureId), signingTime);
    }
}
