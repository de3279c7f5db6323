package org.medsign.device;

/** What the phone says about itself (platform, OS, app version and build, model); informative, never trusted. */
public record DeviceInfo(String platform, String osVersion, String appVersion, int appBuild, String model) {
}
