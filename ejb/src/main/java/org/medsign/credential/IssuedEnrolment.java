package org.medsign.credential;

import java.io.Serializable;
import java.time.Instant;

/** 取得 QRCode 成功 (M13): the enrolment ticket shown once, for the phone to scan and type. */
public record IssuedEnrolment(String applicationId, String ticketId, String uri, String code, String deviceId,
                              String deviceName, Instant expiresAt) implements Serializable {
}
