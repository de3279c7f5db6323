package org.medsign.jobs;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.PortalClient.Page;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.TestMail;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The 24-hour rule on 首頁 and IT's 簽章時限 page, the signing-deadline job's hand-over, and 個人簽章提醒設定 with
 * the signing-reminders job mailing a digest to a real SMTP server.
 */
@SystemTest
class DeadlineAndReminderIT {

    private static final Duration RUN = Duration.ofMinutes(3);

    @Test
    void overdueRecordsShowOnHomeAndItPagesAndAreHandedOverOnce(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres(), "direct SQL checks need PostgreSQL");
        BatchPage batch = new BatchPage(server);
        batch.awaitIdle();
        if (batch.last("unsigned-scan") == null) {
            batch.press("startFullScan");
            batch.awaitEnd("unsigned-scan", 0, RUN);
        }
        long overdue = batch.scalar("SELECT COUNT(*) FROM pending_record WHERE author = 'N0001'"
                + " AND his_created_at < now() - interval '24 hours' AND (signed_version IS NULL OR signed_version <> version)"
                + " AND his_modified_at >= now() - interval '59 days'");
        assumeTrue(overdue > 0, "the demo nurse has overdue records");
        Page home = StaffSession.logIn(server, "N0001").client().open("portal/home.xhtml");
        String counts = home.document().select("[id$=signingCounts]").text();
        assertTrue(counts.matches("待簽章 \\d+ 筆：已逾時 \\d+ 筆，即將逾時 \\d+ 筆。"), counts);
        assertTrue(home.text().contains("已逾時"), home.text());
        assertTrue(home.text().contains("建立時間") && home.text().contains("簽章期限"),
                "the due time stands beside the creation time it is counted from: " + home.text());
        assertFalse(home.text().matches(".*[陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周][志美淑俊怡家雅明宗秀建玉文惠國麗佳承欣宏]{2}\\(.*"),
                "patient names are masked");

        String it = batch.client().open("portal/it/deadlines.xhtml").text();
        assertTrue(it.contains("N0001") && it.contains("NUR"), it);

        BatchPage.Run before = batch.last("signing-deadline");
        batch.press("startDeadline");
        BatchPage.Run run = batch.awaitEnd("signing-deadline", before == null ? 0 : before.executionId(), RUN);
        assertEquals("COMPLETED", run.status());
        long handed = batch.scalar("SELECT COUNT(*) FROM pending_record WHERE overdue_version = version");
        assertTrue(handed >= overdue, handed + " >= " + overdue);
        batch.press("startDeadline");
        BatchPage.Run again = batch.awaitEnd("signing-deadline", run.executionId(), RUN);
        assertEquals(0, batch.scalar("SELECT COALESCE(SUM(writecount), 0) FROM step_execution WHERE jobexecutionid = "
                + again.executionId()), "each overdue version is handed over once");
    }

    @Test
    void theReminderPageSavesSettingsAndTheJobMailsADigest(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres(), "direct SQL checks need PostgreSQL");
        PortalClient nurse = StaffSession.logIn(server, "N0002").client();
        Page form = nurse.open("portal/reminders.xhtml");
        Page refused = new Page(nurse.submit(form, "reminders", Map.of("reminders:enabled", "true",
                "reminders:sendAt", "25:00", "reminders:minPending", "1", "reminders:email", "n0002@test.example"),
                "reminders:save"));
        assertTrue(refused.text().contains("[MS-6008]"), refused.text());
        Page saved = new Page(nurse.submit(nurse.open("portal/reminders.xhtml"), "reminders", Map.of(
                "reminders:enabled", "true", "reminders:sendAt", "00:00", "reminders:minPending", "1",
                "reminders:email", "n0002@test.example"), "reminders:save"));
        assertTrue(saved.text().contains("提醒設定已儲存"), saved.text());
        assertEquals("n0002@test.example", nurse.open("portal/reminders.xhtml").document()
                .getElementById("reminders:email").val());

        BatchPage batch = new BatchPage(server);
        batch.awaitIdle();
        if (batch.last("unsigned-scan") == null) {
            batch.press("startFullScan");
            batch.awaitEnd("unsigned-scan", 0, RUN);
        }
        long pending = batch.scalar("SELECT COUNT(*) FROM pending_record WHERE author = 'N0002'"
                + " AND (signed_version IS NULL OR signed_version <> version)");
        assumeTrue(pending > 0, "the demo nurse N0002 has pending records");
        BatchPage.Run before = batch.last("signing-reminders");
        batch.press("startReminders");
        BatchPage.Run run = batch.awaitEnd("signing-reminders", before == null ? 0 : before.executionId(), RUN);
        assertEquals("COMPLETED", run.status());

        List<MimeMessage> mails = TestMail.to("n0002@test.example", Duration.ofSeconds(20));
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getSubject().contains("待簽病歷提醒"), mails.get(0).getSubject());
        String body = (String) mails.get(0).getContent();
        assertTrue(body.contains("筆病歷待簽章") && body.contains("OO("), body);

        batch.press("startReminders");
        batch.awaitEnd("signing-reminders", run.executionId(), RUN);
        assertEquals(1, TestMail.to("n0002@test.example", Duration.ofSeconds(2)).size(), "one digest a day");
    }
}
