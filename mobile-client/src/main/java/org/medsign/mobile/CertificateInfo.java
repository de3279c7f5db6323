package org.medsign.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** A certificate as the app's status screen shows it (M18, M25): 正常 ISSUED, 已下載 DOWNLOADED, … */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateInfo(String serial, String deviceId, String status, String subject, Instant notBefore,
                              Instant notAfter, Instant downloadedAt, Instant revokedAt) {

    public String statusInChinese() {
        return switch (status) {
            case "ISSUED" -> "正常";
            case "DOWNLOADED" -> "已下載";
            case "REVOKED" -> "已註銷";
            case "EXPIRED" -> "已過期";
            default -> status;
        };
    }
}
