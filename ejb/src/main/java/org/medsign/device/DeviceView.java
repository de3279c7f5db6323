package org.medsign.device;

import java.io.Serializable;
import java.time.Instant;

/** A device as its owner's list (行動裝置管理) and IT see it. */
public record DeviceView(String deviceId, String name, String note, String platform, String osVersion, String model,
                         String appVersion, Integer appBuild, String keyDescription, DeviceStatus status,
                         Instant boundAt, Instant lastUsedAt, Instant removedAt) implements Serializable {
}
