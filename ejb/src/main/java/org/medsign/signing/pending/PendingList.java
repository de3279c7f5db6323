package org.medsign.signing.pending;

import org.medsign.his.HisRecord;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A page of the pending list as the app gets it (M22): its lines, the total for the pager, the page and its size. */
public record PendingList(List<PendingItem> items, long total, int page, int size) {

    /**
     * The page's lines with the bytes to sign from {@code current} (the HIS records as they are now, by id); a version
     * changed since the index saw it, or a record the HIS no longer has, gets none, so nothing stale is signed.
     */
    static PendingList of(PendingPage page, Map<Long, HisRecord> current) {
        List<PendingItem> items = page.items().stream().map(v -> {
            HisRecord record = current.get(v.recordId());
            return new PendingItem(v, record == null || record.version() != v.version() ? null
                    : Base64.getEncoder().encodeToString(record.canonical().bytes()));
        }).toList();
        return new PendingList(items, page.total(), page.page(), page.size());
    }
}
