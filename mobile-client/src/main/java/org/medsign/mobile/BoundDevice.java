package org.medsign.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** The server's answer to a binding: the device id and the name its owner chose on the portal. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BoundDevice(String deviceId, String name, String owner, Instant boundAt) {
}
