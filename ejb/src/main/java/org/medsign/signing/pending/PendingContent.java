package org.medsign.signing.pending;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.his.CanonicalRecord;
import org.medsign.his.HisGateway;
import org.medsign.his.HisRecord;
import org.medsign.kernel.Role;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The pending list as the E Portal app reads it (M22, M24): the caller's lines joined with what the HIS holds now, so
 * the app signs exactly the bytes of the listed version. The join is here, not in the API, so every client gets it
 * the same way.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME})
public class PendingContent {

    /** The page {@link #refreshMine()} answers with. */
    private static final int FIRST_PAGE_SIZE = 50;

    @Inject
    PendingIndex pending;

    @Inject
    HisGateway his;

    /** A page of the caller's list; with {@code withContent}, the page's records in one read of the HIS. */
    public PendingList mine(int page, int size, boolean withContent) {
        PendingPage found = pending.mine(page, size);
        Map<Long, HisRecord> current = withContent
                ? his.records(found.items().stream().map(PendingView::recordId).toList()) : Map.of();
        return PendingList.of(found, current);
    }

    /** One of the caller's pending records with its signed text (MS-5007 when not pending or not the caller's). */
    public RecordToRead myRecord(long recordId) {
        PendingView view = pending.myRecord(recordId).orElseThrow(() -> new MedsignException(ErrorCode.RECORD_NOT_PENDING));
        CanonicalRecord canonical = his.canonical(recordId)
                .orElseThrow(() -> new MedsignException(ErrorCode.RECORD_NOT_PENDING));
        return new RecordToRead(view, new String(canonical.bytes(), StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(canonical.bytes()));
    }

    /** 重新整理 (M24): the caller's list read from the HIS now, and its first page. */
    public PendingList refreshMine() {
        pending.refreshMine();
        return mine(0, FIRST_PAGE_SIZE, false);
    }
}
