package org.medsign.ops;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditVerifier;
import org.medsign.card.validation.CardValidation;
import org.medsign.credential.CertificateRegistry;
import org.medsign.credential.CrlPublisher;
import org.medsign.device.DeviceRegistry;
import org.medsign.jobs.JobControl;
import org.medsign.kernel.crypto.KeyRing;
import org.medsign.signing.batch.SigningStatistics;
import org.medsign.signing.longterm.LongTermEvidence;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

/**
 * Registers medsign's MBeans in the platform MBean server at start-up, where WildFly's remote JMX
 * ({@code service:jmx:remote+http://host:9990}) exposes them, and removes them at undeploy.
 */
@Singleton
@Startup
@DependsOn("CertificateAuthority")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JmxRegistry {

    public static final String MONITORING = "org.medsign:type=Monitoring";
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

    @EJB
    LongTermEvidence longTerm;

    @PostConstruct
    void register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(MONITORING);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new Monitoring(new Monitoring.Services(health, keys, certificates, devices, crls, seal,
                    verifier, audit, signing, jobs, cards, longTerm)), name);
        } catch (JMException e) {
            LOG.warning(() -> "Cannot register medsign's MBeans: " + e);
        }
    }

    @PreDestroy
    void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(MONITORING));
        } catch (JMException e) {
            LOG.fine(() -> "MBean already gone: " + e);
        }
    }
}
