package org.medsign.credential;

/** Who a certificate is for, as the staff directory knows them: its subject is written from this. */
public record CertificateHolder(String employeeNumber, String name, String siteCode) {
}
