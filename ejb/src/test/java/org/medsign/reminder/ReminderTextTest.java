package org.medsign.reminder;

import org.junit.jupiter.api.Test;
import org.medsign.signing.deadline.DeadlineState;
import org.medsign.signing.overdue.DeadlineSummary;
import org.medsign.signing.pending.PendingView;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderTextTest {

    @Test
    void theDigestListsRecordsAsTheManualShowsThemWithMaskedNames() {
        Instant t = Instant.parse("2025-01-17T05:22:00Z");
        PendingView v = new PendingView(1, 1, "TRANSFER", "轉運救護紀錄", "陳OO", "2370974", "T0", "NUR", "N0001", t, t,
                "ab", t.plusSeconds(86_400), DeadlineState.OVERDUE);
        DeadlineSummary s = new DeadlineSummary(3, 1, 1, 0, List.of(v));
        String body = ReminderText.body(s, ZoneId.of("Asia/Taipei"));
        assertTrue(body.contains("轉運救護紀錄 陳OO(2370974) 2025/01/17 13:22 已逾時"), body);
        assertTrue(body.contains("您有 3 筆病歷待簽章"), body);
        assertTrue(ReminderText.subject(s).contains("3 筆待簽章"));
    }
}
