package org.medsign.credential;

/**
 * 正常 (ISSUED: the phone sent its CSR), 已下載 (DOWNLOADED: fetched and acknowledged with the new key — only
 * these sign, M18/M25), 已註銷 (REVOKED), 已過期 (EXPIRED).
 */
public enum CertificateStatus {
    ISSUED, DOWNLOADED, REVOKED, EXPIRED
}
