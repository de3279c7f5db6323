package org.medsign.credential;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The expiry reminder mail, in Traditional Chinese as the portal speaks by default. */
final class ExpiryText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private ExpiryText() {
    }

    static String subject(ExpiryReminder reminder) {
        return "【medsign】您的行動簽章憑證將於 " + reminder.stage() + " 天內到期";
    }

    static String body(ExpiryReminder reminder, ZoneId zone) {
        return "您好：\n\n"
                + "您的行動簽章憑證（序號 " + reminder.serial() + "）將於 " + DAY.format(reminder.notAfter().atZone(zone))
                + " 到期，到期後將無法以手機簽章。\n"
                + "請於到期前插入醫事人員卡登入行動憑證入口網，於「申請憑證」重新申請，再以手機 App 下載新憑證。\n\n"
                + "此信由系統自動寄出，請勿回覆。\n";
    }
}
