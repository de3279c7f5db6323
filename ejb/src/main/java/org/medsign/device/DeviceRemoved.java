package org.medsign.device;

/** Fired (CDI event, inside the removing transaction) when a device is removed, so its certificates die with it. */
public record DeviceRemoved(String deviceId, String owner) {
}
