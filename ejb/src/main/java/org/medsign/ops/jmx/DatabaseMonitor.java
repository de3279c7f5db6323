package org.medsign.ops.jmx;

import org.medsign.ops.HealthReport;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * The database's figures: the health check's, and WildFly's datasource pool statistics (statistics-enabled in
 * medsign.cli), which WildFly shows as MBeans of its management model in the same MBean server.
 */
public class DatabaseMonitor extends AreaMonitor implements DatabaseMXBean {

    private final MonitoredServices services;

    DatabaseMonitor(MonitoredServices services) {
        super("Database", services.audit(), services.latencies());
        this.services = services;
    }

    @Override
    public boolean isDatabaseUp() {
        return services.health().check().databaseUp();
    }

    @Override
    public String getDatabaseProduct() {
        HealthReport report = services.health().check();
        return report.databaseProduct() == null ? "unknown" : report.databaseProduct();
    }

    @Override
    public String getSchemaVersion() {
        return services.health().check().schemaVersion();
    }

    @Override
    public long getConnectionsInUse() {
        return pool("MedsignDS", "InUseCount");
    }

    @Override
    public long getConnectionsMaxUsed() {
        return pool("MedsignDS", "MaxUsedCount");
    }

    @Override
    public long getConnectionWaits() {
        return pool("MedsignDS", "WaitCount");
    }

    @Override
    public long getHisConnectionsInUse() {
        return pool("HisDS", "InUseCount");
    }

    private static long pool(String dataSource, String statistic) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            Object value = server.getAttribute(new ObjectName(
                    "jboss.as:subsystem=datasources,data-source=" + dataSource + ",statistics=pool"), statistic);
            return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
        } catch (JMException | NumberFormatException e) {
            throw new IllegalStateException("WildFly's pool statistics of " + dataSource + " cannot be read: " + e, e);
        }
    }
}
