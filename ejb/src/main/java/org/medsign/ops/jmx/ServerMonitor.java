package org.medsign.ops.jmx;

import org.medsign.ops.HealthCheck;

/** The first thing IT looks at; per-node figures of a cluster belong beside it. */
public class ServerMonitor extends AreaMonitor implements ServerMXBean {

    private final MonitoredServices services;

    ServerMonitor(MonitoredServices services) {
        super("Server", services.audit(), services.latencies());
        this.services = services;
    }

    @Override
    public String getStatus() {
        return services.health().check().status();
    }

    @Override
    public String getVersion() {
        return HealthCheck.version();
    }
}
