package org.medsign.ops.jmx;

import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.kernel.latency.Latencies;
import org.medsign.kernel.latency.LatencySummary;
import org.medsign.kernel.latency.TimedOperation;

import javax.management.MBeanNotificationInfo;
import javax.management.MalformedObjectNameException;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every area's MBean shares: its name {@code org.medsign:type=…}, notifications to listeners (JConsole, a
 * monitoring agent), the audit of JMX operations (as "jmx": WildFly's management security let the caller in), and
 * the latency figures of the area's operations.
 */
public abstract class AreaMonitor extends NotificationBroadcasterSupport {

    public static final String DOMAIN = "org.medsign";

    private final String type;
    private final AtomicLong sequence = new AtomicLong();
    private final AuditLog audit;
    private final Latencies latencies;

    protected AreaMonitor(String type, AuditLog audit, Latencies latencies, MBeanNotificationInfo... alerts) {
        super(alerts);
        this.type = type;
        this.audit = audit;
        this.latencies = latencies;
    }

    public ObjectName name() {
        try {
            return new ObjectName(DOMAIN + ":type=" + type);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(type, e);
        }
    }

    /** Looks for what IT must act on; the registry calls it every watch. Areas with nothing to watch keep this. */
    protected void watch(Instant now) {
    }

    protected void alert(String notificationType, String message) {
        sendNotification(new Notification(notificationType, name(), sequence.incrementAndGet(),
                System.currentTimeMillis(), message));
    }

    protected static MBeanNotificationInfo alertInfo(String notificationType, String description) {
        return new MBeanNotificationInfo(new String[]{notificationType}, Notification.class.getName(), description);
    }

    protected void audited(String detail) {
        audit.record(new AuditRecord(AuditAction.JMX_OPERATION, AuditOutcome.SUCCESS, "jmx", null, null, null, detail));
    }

    protected LatencySummary latency(TimedOperation operation) {
        return latencies.summary(operation);
    }

    protected void resetLatencies(TimedOperation... operations) {
        for (TimedOperation operation : operations) {
            latencies.reset(operation);
        }
        audited("resetLatencies " + type);
    }
}
