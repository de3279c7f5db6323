package org.medsign.his;

/**
 * An HIS row that medsign cannot list or sign (unknown type, no patient, no author…). The message names the
 * record id and the reason only, never personal data, so it may be logged and shown to IT.
 */
public class MalformedHisRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long recordId;

    public MalformedHisRecordException(long recordId, String reason) {
        super("HIS record " + recordId + " is malformed: " + reason);
        this.recordId = recordId;
    }

    public long recordId() {
        return recordId;
    }
}
