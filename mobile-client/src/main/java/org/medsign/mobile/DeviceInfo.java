package org.medsign.mobile;

/** What the app tells the server about the phone (M26: the app version and build matter). */
public record DeviceInfo(String platform, String osVersion, String appVersion, int appBuild, String model) {

    public static final String APP_VERSION = "1.1.0";
    public static final int APP_BUILD = 12;

    public static DeviceInfo thisMachine() {
        return new DeviceInfo("JVM", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                APP_VERSION, APP_BUILD, "medsign-mobile-client");
    }

    public DeviceInfo withApp(String version, int build) {
        return new DeviceInfo(platform, osVersion, version, build, model);
    }
}
