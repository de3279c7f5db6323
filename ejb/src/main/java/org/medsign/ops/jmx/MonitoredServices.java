package org.medsign.ops.jmx;

import jakarta.enterprise.inject.Instance;
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

/** The capabilities' public services that the area MBeans read, looked up once by the registry. */
record MonitoredServices(HealthCheck health, KeyRing keys, CertificateRegistry certificates, DeviceRegistry devices,
                         CrlPublisher crls, AuditSeal seal, AuditVerifier verifier, AuditLog audit,
                         SigningStatistics signing, JobControl jobs, CardValidation cards, Latencies latencies,
                         Instance<WriteBackBacklog> writeBack, LongTermEvidence longTerm,
                         TimeStampAuthority tsa, JobSchedule schedule,
                         org.medsign.credential.CertificateAuthority ca, org.medsign.credential.CaCompromise compromise) {
}
