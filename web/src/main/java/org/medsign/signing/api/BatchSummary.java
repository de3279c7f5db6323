package org.medsign.signing.api;

import org.medsign.signing.batch.BatchResult;

import java.util.Locale;

/**
 * The one line the app shows after 簽章 (M23): "成功完成5筆簽章" when all went through, and plainly that some
 * or all were not signed otherwise, so a batch that signed nothing never reads as a success.
 */
final class BatchSummary {

    private BatchSummary() {
    }

    static String line(BatchResult result, Locale locale) {
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        int signed = result.signed();
        int refused = result.refused();
        if (signed == 0) {
            if (english) {
                return "Nothing was signed: " + (refused == 0 ? "no records to sign" : refused + " could not be signed");
            }
            return "未完成任何簽章：" + (refused == 0 ? "沒有可簽章的病歷" : refused + "筆未能簽章");
        }
        if (english) {
            return "Signed " + signed + " records" + (refused == 0 ? "" : "; " + refused + " could not be signed");
        }
        return "成功完成" + signed + "筆簽章" + (refused == 0 ? "" : "，" + refused + "筆未能簽章");
    }
}
