package org.medsign.credential;

import java.time.Instant;

/** The answer to an enrolment: the new certificate's serial and status (正常 ISSUED until downloaded). */
public record IssuedCertificate(String serial, CertificateStatus status, Instant notBefore, Instant notAfter) {
}
