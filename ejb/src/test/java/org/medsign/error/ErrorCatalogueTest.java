package org.medsign.error;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorCatalogueTest {

    @Test
    void everyCodeHasTextsInBothLanguages() {
        for (ErrorCode code : ErrorCode.values()) {
            for (Locale locale : new Locale[]{Locale.TAIWAN, Locale.ENGLISH}) {
                assertFalse(ErrorCatalogue.title(code, locale).isBlank(), code + " title " + locale);
                assertFalse(ErrorCatalogue.message(code, locale, "x").isBlank(), code + " message " + locale);
                assertFalse(ErrorCatalogue.action(code, locale).isBlank(), code + " action " + locale);
            }
            assertNotEquals(ErrorCatalogue.title(code, Locale.TAIWAN), ErrorCatalogue.title(code, Locale.ENGLISH));
        }
    }

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(code.code().matches("MS-\\d{4}"), code.code());
            assertTrue(seen.add(code.code()), "duplicate " + code.code());
            assertEquals(code, ErrorCode.ofCode(code.code()));
        }
    }

    @Test
    void chineseIsTheDefaultWhateverTheServerLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertEquals("帳號或密碼錯誤", ErrorCatalogue.title(ErrorCode.BAD_CREDENTIALS, Locale.TAIWAN));
            assertEquals("帳號或密碼錯誤", ErrorCatalogue.title(ErrorCode.BAD_CREDENTIALS, Locale.FRENCH));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void describesAFailureWithItsCodeForTheScreenshot() {
        MedsignException e = new MedsignException(ErrorCode.ACCOUNT_LOCKED, "2026-11-26 16:15");
        assertEquals("[MS-1002] 密碼連續錯誤次數過多，帳號已鎖定至 2026-11-26 16:15。", ErrorCatalogue.describe(e, Locale.TAIWAN));
    }

    @Test
    void aSignatureOverOtherContentHasItsOwnCodeApartFromAChangedRecord() {
        assertEquals("MS-5019", ErrorCode.SIGNED_CONTENT_MISMATCH.code());
        assertEquals(400, ErrorCode.SIGNED_CONTENT_MISMATCH.httpStatus());
        assertEquals("[MS-5019] 簽章所涵蓋的內容不是此病歷（病歷並未修改）。",
                ErrorCatalogue.describe(new MedsignException(ErrorCode.SIGNED_CONTENT_MISMATCH), Locale.TAIWAN));
        assertEquals("Signed content does not match", ErrorCatalogue.title(ErrorCode.SIGNED_CONTENT_MISMATCH, Locale.ENGLISH));
        assertNotEquals(ErrorCatalogue.title(ErrorCode.RECORD_CHANGED, Locale.TAIWAN),
                ErrorCatalogue.title(ErrorCode.SIGNED_CONTENT_MISMATCH, Locale.TAIWAN));
        assertTrue(ErrorCatalogue.entries(Locale.TAIWAN).stream().anyMatch(e -> e.code().equals("MS-5019")), "on the FAQ");
    }
}
