package org.medsign.signing.api;

import org.junit.jupiter.api.Test;
import org.medsign.signing.batch.BatchResult;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchSummaryTest {

    private static String line(int signed, int refused, Locale locale) {
        return BatchSummary.line(new BatchResult("batch-0001", signed, refused, List.of()), locale);
    }

    @Test
    void allSignedReadsAsTheManualShowsIt() {
        assertEquals("成功完成5筆簽章", line(5, 0, Locale.TAIWAN));
        assertEquals("Signed 5 records", line(5, 0, Locale.ENGLISH));
    }

    @Test
    void someRefusedSaysHowMany() {
        assertEquals("成功完成3筆簽章，2筆未能簽章", line(3, 2, Locale.TAIWAN));
        assertEquals("Signed 3 records; 2 could not be signed", line(3, 2, Locale.ENGLISH));
    }

    @Test
    void nothingSignedNeverReadsAsSuccess() {
        assertEquals("未完成任何簽章：4筆未能簽章", line(0, 4, Locale.TAIWAN));
        assertEquals("Nothing was signed: 4 could not be signed", line(0, 4, Locale.ENGLISH));
        assertEquals("未完成任何簽章：沒有可簽章的病歷", line(0, 0, Locale.TAIWAN));
        assertEquals("Nothing was signed: no records to sign", line(0, 0, Locale.ENGLISH));
    }
}
