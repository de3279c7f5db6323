package org.medsign.ops;

/**
 * The state of the running application. The public health endpoint shows only {@code status} and
 * {@code version}; the rest is for IT (admin page, JMX).
 */
public record HealthReport(String status, String version, boolean databaseUp, String databaseProduct,
                           String schemaVersion, String persistenceProvider, String serverPlatform) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public boolean up() {
        return UP.equals(status);
    }
}
