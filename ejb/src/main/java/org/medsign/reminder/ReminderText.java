package org.medsign.reminder;

import org.medsign.signing.deadline.DeadlineState;
import org.medsign.signing.overdue.DeadlineSummary;
import org.medsign.signing.pending.PendingView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The digest mail in Traditional Chinese with an English line: counts, then the oldest records as M22 lists them. */
final class ReminderText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private ReminderText() {
    }

    static String subject(DeadlineSummary s) {
        return "[medsign] 待簽病歷提醒：" + s.pending() + " 筆待簽章 (" + s.pending() + " records to sign)";
    }

    static String body(DeadlineSummary s, ZoneId zone) {
        StringBuilder text = new StringBuilder()
                .append("您有 ").append(s.pending()).append(" 筆病歷待簽章，其中 ").append(s.overdue())
                .append(" 筆已逾 24 小時、").append(s.approaching()).append(" 筆即將逾時。\n")
                .append("You have ").append(s.pending()).append(" records awaiting your signature: ").append(s.overdue())
                .append(" overdue, ").append(s.approaching()).append(" due soon.\n\n");
        for (PendingView v : s.soonest()) {
            text.append(v.typeName()).append(' ').append(v.patientLabel()).append(' ')
                    .append(TIME.format(v.modifiedAt().atZone(zone)));
            if (v.deadline() == DeadlineState.OVERDUE) {
                text.append(" 已逾時");
            } else if (v.deadline() == DeadlineState.APPROACHING) {
                text.append(" 即將逾時");
            }
            text.append('\n');
        }
        return text.append("\n請以 E Portal（D Portal）批次簽章；設定：個人簽章提醒設定。\n").toString();
    }
}
