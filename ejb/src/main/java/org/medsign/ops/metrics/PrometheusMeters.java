package org.medsign.ops.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
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
            meters.add(FunctionCounter.builder("medsign.operation.calls", latencies, l -> l.summary(operation).count())
                    .tags(tags).description("Calls of the operation since start or the last reset").register(registry));
            QUANTILES.forEach((quantile, figure) -> gauge("medsign.operation.latency.milliseconds", latencies,
                    l -> figure.applyAsDouble(l.summary(operation)), tags.and("quantile", quantile),
                    "Latency of the operation since start or the last reset, nearest rank, 3 significant digits"));
        }
        for (AreaMonitor area : jmx.areas()) {
            if (area instanceof ServerMonitor server) {
                gauge("medsign.up", server, s -> "UP".equals(s.getStatus()) ? 1 : 0, Tags.empty(),
                        "1 while the health check says UP");
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
                gauge("medsign.audit.chain.head", audit, AuditMonitor::getAuditChainHead, Tags.empty(),
                        "Sequence number of the newest audit event");
            }
        }
    }

    private void signing(SigningMonitor signing) {
        meters.add(FunctionCounter.builder("medsign.signatures.accepted", signing, SigningMonitor::getSignaturesAccepted)
                .description("Signatures accepted since start").register(registry));
        meters.add(FunctionCounter.builder("medsign.signatures.refused", signing, SigningMonitor::getSignaturesRefused)
                .description("Signatures refused since start").register(registry));
    }

    private void certificates(CertificatesMonitor ca) {
        gauge("medsign.certificates", ca, CertificatesMonitor::getCertificatesIssued, Tags.of("status", "issued"), "Certificates by status");
        gauge("medsign.certificates", ca, CertificatesMonitor::getCertificatesDownloaded, Tags.of("status", "downloaded"), "Certificates by status");
        gauge("medsign.certificates", ca, CertificatesMonitor::getCertificatesRevoked, Tags.of("status", "revoked"), "Certificates by status");
        gauge("medsign.certificates", ca, CertificatesMonitor::getCertificatesExpired, Tags.of("status", "expired"), "Certificates by status");
        gauge("medsign.devices.bound", ca, CertificatesMonitor::getDevicesBound, Tags.empty(), "Devices bound");
        gauge("medsign.binding.tickets.open", ca, CertificatesMonitor::getOpenBindingTickets, Tags.empty(), "Binding tickets open");
        gauge("medsign.ca.key.healthy", ca, c -> c.isCaKeyHealthy() ? 1 : 0, Tags.empty(), "1 while the CA key can sign");
        gauge("medsign.crl.number", ca, CertificatesMonitor::getCrlNumber, Tags.empty(), "The current CRL's number");
        gauge("medsign.crl.age.seconds", ca, CertificatesMonitor::getCrlAgeSeconds, Tags.empty(), "Seconds since the CRL's thisUpdate");
        gauge("medsign.crl.next.update.seconds", ca,
                c -> Duration.between(Instant.now(), Instant.parse(c.getCrlNextUpdate())).toSeconds(), Tags.empty(),
                "Seconds until the CRL's nextUpdate (negative: overdue)");
    }

    private void card(CardMonitor card) {
        gauge("medsign.card.crls.cached", card, CardMonitor::getCardCrlsCached, Tags.empty(), "Card CRLs cached");
        gauge("medsign.card.crl.oldest.fetch.seconds", card, CardMonitor::getCardCrlOldestFetchSeconds, Tags.empty(),
                "Seconds since the stalest card CRL was fetched; -1 when none is cached");
        gauge("medsign.card.crl.fetch.failures", card, CardMonitor::getCardCrlFetchFailures, Tags.empty(),
                "Card CRL distribution points whose last refetch failed");
    }

    private void jobs(JobsMonitor jobs) {
        for (String job : JobsMonitor.JOBS) {
            gauge("medsign.job.last.run.failed", jobs, j -> j.lastRunFailed(job) ? 1 : 0, Tags.of("job", job),
                    "1 while the job's latest run ended FAILED");
        }
        gauge("medsign.his.write.back.backlog", jobs, JobsMonitor::getHisWriteBackBacklog, Tags.empty(),
                "Signed states waiting to be written back to the HIS; -1 without a write-back queue");
    }

    private void database(DatabaseMonitor database) {
        gauge("medsign.database.up", database, d -> d.isDatabaseUp() ? 1 : 0, Tags.empty(), "1 while the database answers");
        gauge("medsign.database.connections.in.use", database, DatabaseMonitor::getConnectionsInUse, Tags.empty(),
                "MedsignDS connections in use");
        gauge("medsign.database.connections.max.used", database, DatabaseMonitor::getConnectionsMaxUsed, Tags.empty(),
                "Most MedsignDS connections in use at once since start");
        meters.add(FunctionCounter.builder("medsign.database.connection.waits", database, DatabaseMonitor::getConnectionWaits)
                .description("Requests that waited for a MedsignDS connection").register(registry));
        gauge("medsign.his.database.connections.in.use", database, DatabaseMonitor::getHisConnectionsInUse, Tags.empty(),
                "HisDS connections in use");
    }

    private <T> void gauge(String name, T source, ToDoubleFunction<T> figure, Tags tags, String description) {
        // a strong reference: the MBean objects live as long as the deployment, and a weak one would read NaN
        meters.add(Gauge.builder(name, source, figure).tags(tags).description(description).strongReference(true)
                .register(registry));
    }

    @PreDestroy
    void remove() {
        meters.forEach(registry::remove);
    }
}
