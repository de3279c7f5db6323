package org.medsign.audit.portal;

import org.junit.jupiter.api.Test;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditOutcome;
import org.medsign.portal.PortalBundles;

import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit pages show every action and outcome in words of the reader's language, never the enum's name. */
class AuditWordsTest {

    @Test
    void everyActionHasItsOwnWordsInBothLanguages() {
        for (Locale language : PortalBundles.LANGUAGES) {
            ResourceBundle bundle = PortalBundles.of(language);
            Set<String> seen = new HashSet<>();
            for (AuditAction action : AuditAction.values()) {
                String key = "audit.action." + action.name();
                assertTrue(bundle.containsKey(key), key + " missing in " + language);
                String words = bundle.getString(key);
                assertFalse(words.isBlank(), key);
                assertFalse(words.contains("_"), key + " is a name, not words: " + words);
                assertTrue(seen.add(words), "two actions read alike in " + language + ": " + words);
            }
        }
    }

    @Test
    void chineseAndEnglishDiffer() {
        ResourceBundle zh = PortalBundles.of(Locale.TAIWAN);
        ResourceBundle en = PortalBundles.of(Locale.ENGLISH);
        for (AuditAction action : AuditAction.values()) {
            String key = "audit.action." + action.name();
            assertNotEquals(en.getString(key), zh.getString(key), key + " is not translated");
        }
        assertEquals("帳號密碼登入", zh.getString("audit.action.PORTAL_LOGIN"));
    }

    @Test
    void everyOutcomeHasWordsInBothLanguages() {
        for (Locale language : PortalBundles.LANGUAGES) {
            for (AuditOutcome outcome : AuditOutcome.values()) {
                assertFalse(PortalBundles.of(language).getString("audit.outcome." + outcome.name()).isBlank());
            }
        }
    }
}
