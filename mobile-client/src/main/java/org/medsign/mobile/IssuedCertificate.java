package org.medsign.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** The server's answer to an enrolment (M15): the new certificate's serial and status (正常 until downloaded). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssuedCertificate(String serial, String status, Instant notBefore, Instant notAfter) {
}
