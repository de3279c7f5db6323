package org.medsign.device;

import java.time.Instant;

/** The answer to a successful binding: the id the phone uses from now on, and the name its owner gave it. */
public record BoundDevice(String deviceId, String name, String owner, Instant boundAt) {
}
