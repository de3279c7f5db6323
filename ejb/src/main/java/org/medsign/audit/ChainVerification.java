package org.medsign.audit;

import java.io.Serializable;

/**
 * The result of walking the audit chain: how many rows and checkpoints were checked, and the first problem
 * found ({@code firstBadSequence} and what was wrong), if any.
 */
public record ChainVerification(boolean intact, long rowsChecked, int checkpointsChecked, Long firstBadSequence,
                                String problem) implements Serializable {

    static ChainVerification broken(long rows, int checkpoints, long sequence, String problem) {
        return new ChainVerification(false, rows, checkpoints, sequence, problem);
    }
}
