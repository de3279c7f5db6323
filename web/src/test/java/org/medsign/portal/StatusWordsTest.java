package org.medsign.portal;

import org.junit.jupiter.api.Test;
import org.medsign.credential.CertificateStatus;
import org.medsign.device.DeviceStatus;
import org.medsign.signing.deadline.DeadlineState;
import org.medsign.signing.evidence.VerificationReport;
import org.medsign.staff.Sex;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words pages build from a status (msg['certificate.status.'.concat(…)]) exist for every value, in both languages. */
class StatusWordsTest {

    private static final Map<String, Enum<?>[]> WORDS = Map.of(
            "certificate.status.", CertificateStatus.values(),
            "device.status.", DeviceStatus.values(),
            "deadline.", DeadlineState.values(),
            "signature.indication.", VerificationReport.Indication.values(),
            "profile.sex.", Sex.values());

    @Test
    void everyStatusHasItsWordsInBothLanguages() {
        for (Locale language : PortalBundles.LANGUAGES) {
            ResourceBundle bundle = PortalBundles.of(language);
            WORDS.forEach((prefix, values) -> {
                for (Enum<?> value : values) {
                    String key = prefix + value.name();
                    assertTrue(bundle.containsKey(key), key + " missing in " + language);
                    assertFalse(bundle.getString(key).isBlank(), key);
                }
            });
        }
    }

    @Test
    void theCertificateStatusesReadAsTheManualWritesThem() {
        ResourceBundle zh = PortalBundles.of(Locale.TAIWAN);
        assertEquals("正常", zh.getString("certificate.status.ISSUED"));
        assertEquals("已下載", zh.getString("certificate.status.DOWNLOADED"));
        assertEquals("已註銷", zh.getString("certificate.status.REVOKED"));
        assertEquals("已過期", zh.getString("certificate.status.EXPIRED"));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> zh = new TreeSet<>(PortalBundles.of(Locale.TAIWAN).keySet());
        Set<String> en = new TreeSet<>(PortalBundles.of(Locale.ENGLISH).keySet());
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertTrue(onlyZh.isEmpty() && onlyEn.isEmpty(), "only zh-TW: " + onlyZh + ", only en: " + onlyEn);
    }
}
