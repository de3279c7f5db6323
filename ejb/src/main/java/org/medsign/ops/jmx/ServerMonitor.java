package org.medsign.ops.jmx;

import org.medsign.ops.ClusterView;
import org.medsign.ops.HealthCheck;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The first thing IT looks at: health, version, and this node's place in the cluster. */
public class ServerMonitor extends AreaMonitor implements ServerMXBean {

    /** How recent a firing must be for {@link #isRunsTimers()}: longer than the frequent schedules' periods. */
    static final Duration RECENT_FIRING = Duration.ofHours(1);

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

    @Override
    public String getNodeName() {
        return ClusterView.nodeName();
    }

    @Override
    public List<String> getClusterMembers() {
        return ClusterView.members();
    }

    @Override
    public boolean isRunsTimers() {
        Instant since = Instant.now().minus(RECENT_FIRING);
        return services.schedule().firedHere().values().stream().anyMatch(at -> at.isAfter(since));
    }

    @Override
    public List<String> getTimersFiredHere() {
        return services.schedule().firedHere().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).toList();
    }
}
