package org.medsign.ops.jmx;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditVerifier;
import org.medsign.card.validation.CardValidation;
import org.medsign.credential.CertificateRegistry;
import org.medsign.credential.CrlPublisher;
import org.medsign.credential.TimeStampAuthority;
import org.medsign.device.DeviceRegistry;
import org.medsign.his.WriteBackBacklog;
import org.medsign.jobs.JobControl;
import org.medsign.jobs.JobSchedule;
import org.medsign.kernel.crypto.KeyRing;
import org.medsign.kernel.latency.Latencies;
import org.medsign.ops.AuditSeal;
import org.medsign.ops.HealthCheck;
import org.medsign.signing.batch.SigningStatistics;
import org.medsign.signing.longterm.LongTermEvidence;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Registers medsign's MBeans in the platform MBean server at start-up, where WildFly's remote JMX
 * ({@code service:jmx:remote+http://host:9990}) exposes them, removes them at undeploy, and runs the watch that
 * turns what IT must act on into notifications. Another view (e.g. a cluster node's) is one more {@link #add}.
 */
@Singleton
@Startup
@DependsOn("CertificateAuthority")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JmxRegistry {

    private static final Logger LOG = Logger.getLogger(JmxRegistry.class.getName());

    @EJB
    HealthCheck health;

    @Inject
    KeyRing keys;

    @EJB
    CertificateRegistry certificates;

    @EJB
    DeviceRegistry devices;

    @EJB
    CrlPublisher crls;

    @EJB
    AuditSeal seal;

    @EJB
    AuditVerifier verifier;

    @EJB
    AuditLog audit;

    @EJB
    JobControl jobs;

    @Inject
    SigningStatistics signing;

    @Inject
    CardValidation cards;

    @Inject
    Latencies latencies;

    @Inject
    Instance<WriteBackBacklog> writeBack;

    @EJB
    LongTermEvidence longTerm;

    @EJB
    TimeStampAuthority tsa;

    @Inject
    org.medsign.credential.CertificateAuthority ca;

    @Inject
    org.medsign.credential.CaCompromise compromise;

    @EJB
    JobSchedule schedule;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "medsign.monitoring.watch-seconds", defaultValue = "60")
    long watchSeconds;

    @Inject
    @ConfigProperty(name = "medsign.monitoring.crl-warning-hours", defaultValue = "4")
    long crlWarningHours;

    @Inject
    @ConfigProperty(name = "medsign.monitoring.backlog-growth-watches", defaultValue = "5")
    int backlogGrowthWatches;

    private final Map<ObjectName, Object> registered = new LinkedHashMap<>();
    private final List<AreaMonitor> areas = new ArrayList<>();

    @PostConstruct
    void register() {
        MonitoredServices services = new MonitoredServices(health, keys, certificates, devices, crls, seal, verifier,
                audit, signing, jobs, cards, latencies, writeBack, longTerm, tsa, schedule, ca, compromise);
        add(new ServerMonitor(services));
        add(new SigningMonitor(services));
        add(new CertificatesMonitor(services, Duration.ofHours(crlWarningHours)));
        add(new CardMonitor(services));
        add(new JobsMonitor(services, backlogGrowthWatches));
        add(new DatabaseMonitor(services));
        add(new AuditMonitor(services));
        // not persistent: each node watches from its own start, and a missed watch is simply the next one
        timers.createIntervalTimer(watchSeconds * 1000, watchSeconds * 1000, new TimerConfig("monitoring-watch", false));
    }

    /** Registers an area's MBean under its own name. */
    public void add(AreaMonitor area) {
        areas.add(area);
        add(area.name(), area);
    }

    /** Registers any MBean, replacing one left by an earlier deployment. */
    public void add(ObjectName name, Object mbean) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(mbean, name);
            registered.put(name, mbean);
        } catch (JMException e) {
            LOG.warning(() -> "Cannot register the MBean " + name + ": " + e);
        }
    }

    /** The areas' MBean objects, for the Prometheus meters that show the same figures. */
    public List<AreaMonitor> areas() {
        return List.copyOf(areas);
    }

    @Timeout
    void watch() {
        Instant now = Instant.now();
        for (AreaMonitor area : areas) {
            try {
                area.watch(now);
            } catch (RuntimeException e) {
                // one area's failure (its database down) must not silence the others' alerts
                LOG.warning(() -> "Watching " + area.name() + " failed: " + e);
            }
        }
    }

    @PreDestroy
    void unregister() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : registered.keySet()) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.fine(() -> "MBean already gone: " + e);
            }
        }
    }
}
