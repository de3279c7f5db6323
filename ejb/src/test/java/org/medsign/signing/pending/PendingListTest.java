package org.medsign.signing.pending;

import org.junit.jupiter.api.Test;
import org.medsign.his.HisRecord;
import org.medsign.signing.deadline.DeadlineState;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list the app signs from: bytes only for the version that was listed. */
class PendingListTest {

    private static final Instant T = Instant.parse("2025-02-01T00:00:00Z");

    @Test
    void eachLineGetsTheCurrentBytesOfItsOwnVersionOnly() {
        PendingPage page = new PendingPage(List.of(view(1, 2), view(2, 1), view(3, 1)), 13, 1, 3);
        HisRecord same = record(1, 2);
        Map<Long, HisRecord> current = Map.of(1L, same, 2L, record(2, 2));
        PendingList list = PendingList.of(page, current);

        assertEquals(3, list.items().size());
        String bytes = new String(Base64.getDecoder().decode(list.items().get(0).canonical()), StandardCharsets.UTF_8);
        assertTrue(bytes.startsWith("medsign-his-record/1\nid=1\nversion=2\n"), bytes);
        assertEquals(Base64.getEncoder().encodeToString(same.canonical().bytes()), list.items().get(0).canonical());
        assertNull(list.items().get(1).canonical(), "changed since listed: nothing to sign");
        assertNull(list.items().get(2).canonical(), "gone from the HIS: nothing to sign");
        assertEquals(1L, list.items().get(0).record().recordId());
        assertEquals(13, list.total());
        assertEquals(1, list.page());
        assertEquals(3, list.size());
    }

    @Test
    void withoutContentTheLinesCarryNoBytes() {
        PendingList list = PendingList.of(new PendingPage(List.of(view(1, 1)), 1, 0, 50), Map.of());
        assertNull(list.items().get(0).canonical());
    }

    private static PendingView view(long id, int version) {
        return new PendingView(id, version, "NURSING", "護理紀錄", "陳O文", "C1", "T0", null, "N0001", T, T, "d", T,
                DeadlineState.IN_TIME);
    }

    private static HisRecord record(long id, int version) {
        return new HisRecord(id, "C1", "陳大文", "NURSING", "護理紀錄", "N0001", "T0", null, T, T, version, "內容", null);
    }
}
