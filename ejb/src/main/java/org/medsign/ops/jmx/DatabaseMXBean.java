package org.medsign.ops.jmx;

/**
 * {@code org.medsign:type=Database}: medsign's database (reachable, schema version) and the connection pools of
 * medsign's and the HIS's datasources, from WildFly's own pool statistics.
 */
public interface DatabaseMXBean {

    boolean isDatabaseUp();

    /** The product EclipseLink talks to (e.g. PostgreSQLPlatform, H2Platform); "unknown" while the database is down. */
    String getDatabaseProduct();

    /** The last migration applied at deploy. */
    String getSchemaVersion();

    /** MedsignDS connections handed out now. */
    long getConnectionsInUse();

    /** The most MedsignDS connections ever in use at once since start. */
    long getConnectionsMaxUsed();

    /** Requests that had to wait for a MedsignDS connection since start. */
    long getConnectionWaits();

    /** HisDS connections handed out now. */
    long getHisConnectionsInUse();
}
