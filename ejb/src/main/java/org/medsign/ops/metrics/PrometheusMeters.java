package org.medsign.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.medsign.kernel.latency.Latencies;
import org.medsign.kernel.latency.LatencySummary;
import org.medsign.kernel.latency.TimedOperation;
import org.medsign.ops.jmx.AreaMonitor;
import org.medsign.ops.jmx.AuditMonitor;
import org.medsign.ops.jmx.CardMonitor;
import org.medsign.ops.jmx.CertificatesMonitor;
import org.medsign.ops.jmx.DatabaseMonitor;
import org.medsign.ops.jmx.JmxRegistry;
import org.medsign.ops.jmx.JobsMonitor;
import org.medsign.ops.jmx.ServerMonitor;
import org.medsign.ops.jmx.SigningMonitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** Registers medsign's meters at start and removes them at undeploy. */
@Singleton
@Startup
@DependsOn("JmxRegistry")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrometheusMeters {

    /** The percentiles served per operation; 1 is the maximum. */
    private static final Map<String, ToDoubleFunction<LatencySummary>> QUANTILES = Map.of(
            "0.5", LatencySummary::p50Milliseconds, "0.95", LatencySummary::p95Milliseconds,
            "0.99", LatencySummary::p99Milliseconds, "1", LatencySummary::maxMilliseconds);

    @Inject
    MeterRegistry registry;

    @EJB
    JmxRegistry jmx;

    @Inject
    Latencies latencies;

    private final List<Meter> meters = new ArrayList<>();

    @PostConstruct
    void register() {
        for (TimedOperation operation : TimedOperation.values()) {
            Tags tags = Tags.of("operation", operation.label());
            counter("medsign.operation.calls", latencies, l -> l.summary(operation).count(), tags);
            QUANTILES.forEach((quantile, figure) -> gauge("medsign.operation.latency.milliseconds", latencies,
                    l -> figure.applyAsDouble(l.summary(operation)), tags.and("quantile", quantile)));
        }
        for (AreaMonitor area : jmx.areas()) {
            if (area instanceof ServerMonitor server) {
                gauge("medsign.up", server, s -> "UP".equals(s.getStatus()) ? 1 : 0, Tags.empty());
                // the node is in the tags too, so one query across the nodes' scrapes tells them apart
                Tags node = Tags.of("node", server.getNodeName());
                gauge("medsign.cluster.members", server, s -> s.getClusterMembers().size(), node);
                gauge("medsign.runs.timers", server, s -> s.isRunsTimers() ? 1 : 0, node);
            } else if (area instanceof SigningMonitor signing) {
                signing(signing);
            } else if (area instanceof CertificatesMonitor certificates) {
                certificates(certificates);
            } else if (area instanceof CardMonitor card) {
                card(card);
            } else if (area instanceof JobsMonitor jobs) {
                jobs(jobs);
            } else if (area instanceof DatabaseMonitor database) {
                database(database);
            } else if (area instanceof AuditMonitor audit) {
                gauge("medsign.audit.chain.head", audit, AuditMonitor::getAuditChainHead, Tags.empty());
            }
        }
    }

    private void signing(SigningMonitor signing) {
        counter("medsign.signatures.accepted", signing, SigningMonitor::getSignaturesAccepted, Tags.empty());
        counter("medsign.signatures.refused", signing, SigningMonitor::getSignaturesRefused, Tags.empty());
    }

    private void certificates(CertificatesMonitor ca) {
        gauge("medsign.certificates", ca, CertificatesMonitor::getCertificatesIssued, Tags.of("status", "issued"));
        gauge("medsign.certificates", ca, CertificatesMonitor::getCertificatesDownloaded, Tags.of("status", "downloaded"));
        gauge("medsign.certificates", ca, CertificatesMonitor::getCertificatesRevoked, Tags.of("status", "revoked"));
        gauge("medsign.certificates", ca, CertificatesMonitor::getCertificatesExpired, Tags.of("status", "expired"));
        gauge("medsign.devices.bound", ca, CertificatesMonitor::getDevicesBound, Tags.empty());
        gauge("medsign.binding.tickets.open", ca, CertificatesMonitor::getOpenBindingTickets, Tags.empty());
        gauge("medsign.ca.key.healthy", ca, c -> c.isCaKeyHealthy() ? 1 : 0, Tags.empty());
        gauge("medsign.crl.number", ca, CertificatesMonitor::getCrlNumber, Tags.empty());
        gauge("medsign.crl.age.seconds", ca, CertificatesMonitor::getCrlAgeSeconds, Tags.empty());
        gauge("medsign.crl.next.update.seconds", ca,
                c -> Duration.between(Instant.now(), Instant.parse(c.getCrlNextUpdate())).toSeconds(), Tags.empty());
    }

    private void card(CardMonitor card) {
        gauge("medsign.card.crls.cached", card, CardMonitor::getCardCrlsCached, Tags.empty());
        gauge("medsign.card.crl.oldest.fetch.seconds", card, CardMonitor::getCardCrlOldestFetchSeconds, Tags.empty());
        gauge("medsign.card.crl.fetch.failures", card, CardMonitor::getCardCrlFetchFailures, Tags.empty());
    }

    private void jobs(JobsMonitor jobs) {
        for (String job : JobsMonitor.JOBS) {
            gauge("medsign.job.last.run.failed", jobs, j -> j.lastRunFailed(job) ? 1 : 0, Tags.of("job", job));
        }
        gauge("medsign.his.write.back.backlog", jobs, JobsMonitor::getHisWriteBackBacklog, Tags.empty());
        gauge("medsign.his.write.back.age.seconds", jobs, JobsMonitor::getHisWriteBackAgeSeconds, Tags.empty());
        gauge("medsign.long.term.backlog", jobs, JobsMonitor::getLongTermBacklog, Tags.empty());
        gauge("medsign.long.term.backlog.age.seconds", jobs, JobsMonitor::getLongTermBacklogAgeSeconds, Tags.empty());
    }

    private void database(DatabaseMonitor database) {
        gauge("medsign.database.up", database, d -> d.isDatabaseUp() ? 1 : 0, Tags.empty());
        gauge("medsign.database.connections.in.use", database, DatabaseMonitor::getConnectionsInUse, Tags.empty());
        gauge("medsign.database.connections.max.used", database, DatabaseMonitor::getConnectionsMaxUsed, Tags.empty());
        counter("medsign.database.connection.waits", database, DatabaseMonitor::getConnectionWaits, Tags.empty());
        gauge("medsign.his.database.connections.in.use", database, DatabaseMonitor::getHisConnectionsInUse, Tags.empty());
    }

    /*
     * WildFly's application registry sends only its shortcut methods (gauge, more().counter) to the server's
     * registries, tagged with the deployment; a builder's register() would stay in the application's own registry,
     * which no endpoint shows. The shortcuts hold the source weakly: each source (an MBean object, the latencies)
     * lives as long as the deployment.
     */
    private <T> void gauge(String name, T source, ToDoubleFunction<T> figure, Tags tags) {
        registry.gauge(name, tags, source, figure);
        meters.add(registry.find(name).tags(tags).gauge());
    }

    private <T> void counter(String name, T source, ToDoubleFunction<T> figure, Tags tags) {
        meters.add(registry.more().counter(name, tags, source, figure));
    }

    @PreDestroy
    void remove() {
        meters.stream().filter(Objects::nonNull).forEach(registry::remove);
    }
}
