package org.medsign.device;

/** A device is bound with its own key until its owner or IT removes it. */
public enum DeviceStatus {
    BOUND, REMOVED
}
