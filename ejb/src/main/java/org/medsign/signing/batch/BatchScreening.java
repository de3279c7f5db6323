package org.medsign.signing.batch;

import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.his.HisRecord;
import org.medsign.signing.deadline.DeadlineRule;
import org.medsign.signing.deadline.DeadlineState;
import org.medsign.signing.pending.PendingView;
import org.medsign.signing.pending.PendingWindow;

import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * What one batch (M23) is checked against, read in a few set-based queries before any item is looked at: the
 * caller's pending rows, the HIS records as they are now and the signatures medsign already holds. Decides each
 * item's cheap checks in memory; the crypto follows for the items that pass.
 * <p>
 * While the HIS cannot be reached ({@code records} null) the pending index stands in for it: the listed version is
 * taken as current and its indexed digest as what must be signed. Signing goes on through an HIS outage; a version
 * the HIS changed meanwhile is found when the mark is written back (STALE_VERSION), and the new version is pending.
 */
final class BatchScreening {

    private static final int MAX_DELAY_REASON = 200;

    private final String signer;
    private final Map<Long, PendingView> pending;
    private final Map<Long, HisRecord> records;
    private final Map<Long, SignatureDesk.Stored> stored;
    private final PendingWindow window;
    private final DeadlineRule deadline;
    private final Instant now;
    private final Set<Long> seen = new HashSet<>();

    /** @param records the HIS records as they are now, by id; null when the HIS cannot be reached */
    BatchScreening(String signer, Map<Long, PendingView> pending, Map<Long, HisRecord> records,
                 Map<Long, SignatureDesk.Stored> stored, PendingWindow window, DeadlineRule deadline, Instant now) {
        this.signer = signer;
        this.pending = pending;
        this.records = records;
        this.stored = stored;
        this.window = window;
        this.deadline = deadline;
        this.now = now;
    }

    /** An item's fate before crypto: refused, already signed (a retry), or a candidate to verify. */
    sealed interface Decision permits Refused, AlreadySigned, ToVerify {
    }

    record Refused(MedsignException reason) implements Decision {
    }

    record AlreadySigned(SignatureDesk.Stored signature) implements Decision {
    }

    record ToVerify(Candidate candidate) implements Decision {
    }

    Decision decide(int index, SignItem item) {
        long id = item.recordId();
        if (!seen.add(id)) {
            return refused(ErrorCode.DUPLICATE_ITEM);
        }
        if (records == null) {
            return withoutHis(index, item);
        }
        HisRecord record = records.get(id);
        SignatureDesk.Stored signature = stored.get(id);
        if (record != null && signature != null && signature.version() == record.version()
                && signature.signer().equals(signer)) {
            return new AlreadySigned(signature);
        }
        PendingView view = pending.get(id);
        if (view == null || record == null) {
            return refused(notPending(record));
        }
        if (record.version() != view.version()) {
            return refused(ErrorCode.RECORD_CHANGED);
        }
        return onTime(index, item, view, record.canonical().digest());
    }

    /**
     * The same checks with the pending index as the HIS's stand-in: my signature of the version still listed (or of
     * a record no longer listed: a retry) is already signed; a listed version is a candidate over its indexed digest.
     */
    private Decision withoutHis(int index, SignItem item) {
        long id = item.recordId();
        PendingView view = pending.get(id);
        SignatureDesk.Stored signature = stored.get(id);
        if (signature != null && signature.signer().equals(signer) && (view == null || view.version() == signature.version())) {
            return new AlreadySigned(signature);
        }
        if (view == null) {
            return refused(ErrorCode.RECORD_NOT_PENDING);
        }
        byte[] digest;
        try {
            digest = HexFormat.of().parseHex(view.digest());
        } catch (IllegalArgumentException | NullPointerException e) {
            return refused(ErrorCode.RECORD_NOT_PENDING);
        }
        return onTime(index, item, view, digest);
    }

    /** The delay reason the 24-hour rule asks for, then the candidate. */
    private Decision onTime(int index, SignItem item, PendingView view, byte[] digest) {
        String reason = item.delayReason() == null ? "" : item.delayReason().strip();
        // late (補簽) by the same 24-hour rule as the list shows: counted from the record's first creation
        if (deadline.state(view.createdAt(), now) == DeadlineState.OVERDUE && reason.isEmpty()) {
            return refused(ErrorCode.DELAY_REASON_REQUIRED);
        }
        return new ToVerify(new Candidate(index, item.recordId(), item.cms(), view.version(), digest, view.digest(),
                reason.isEmpty() ? null : reason.substring(0, Math.min(MAX_DELAY_REASON, reason.length()))));
    }

    /** Not in my pending list: older than the window (R1: sign it in the HIS), or not mine, or already signed. */
    private ErrorCode notPending(HisRecord record) {
        if (record != null && record.author().equals(signer) && !window.contains(record.modifiedAt(), now)
                && (record.signedVersion() == null || record.signedVersion() != record.version())) {
            return ErrorCode.RECORD_OUTSIDE_WINDOW;
        }
        return ErrorCode.RECORD_NOT_PENDING;
    }

    private static Refused refused(ErrorCode code) {
        return new Refused(new MedsignException(code));
    }
}
