package org.medsign.jobs;

import org.junit.jupiter.api.Test;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A failed run reaches IT as a JMX notification from org.medsign:type=Jobs, once, with the run and job named. */
@SystemTest
class JobFailureAlertIT {

    private static final ObjectName JOBS = MedsignJmx.area("Jobs");

    @Test
    void aFailedScanIsANotification(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres() && server.his().postgres(), "cutting the HIS off needs PostgreSQL");
        HisFixture his = new HisFixture(server);
        BatchPage batch = new BatchPage(server);
        batch.awaitIdle();
        try (JMXConnector jmx = MedsignJmx.connect()) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            BlockingQueue<Notification> alerts = new LinkedBlockingQueue<>();
            NotificationListener listener = (notification, handback) -> alerts.add(notification);
            mbeans.addNotificationListener(JOBS, listener, null, null);
            try {
                BatchPage.Run before = batch.last("unsigned-scan");
                long run;
                BatchPage.Run failed;
                his.reachable(false);
                try {
                    run = (Long) mbeans.invoke(JOBS, "startUnsignedScan", new Object[]{"INCREMENTAL"},
                            new String[]{String.class.getName()});
                    failed = batch.awaitEnd("unsigned-scan", before == null ? 0 : before.executionId(), Duration.ofMinutes(4));
                } finally {
                    his.reachable(true);
                }
                assertEquals("FAILED", failed.status());
                // the watch runs every 5 s in the tests (60 s by default): wait for it, however slow the machine is
                Notification alert = alerts.poll(3, TimeUnit.MINUTES);
                assertNotNull(alert, "a notification for the failed run");
                assertEquals("medsign.job.failed", alert.getType());
                assertEquals(JOBS, alert.getSource());
                assertTrue(alert.getMessage().startsWith("unsigned-scan run " + run + " FAILED"), alert.getMessage());
                String lastRun = (String) mbeans.getAttribute(JOBS, "UnsignedScanLastRun");
                assertTrue(lastRun.startsWith("FAILED"), lastRun);
                Notification again = alerts.poll(12, TimeUnit.SECONDS);
                assertEquals(null, again, "said once, not at every watch");
            } finally {
                mbeans.removeNotificationListener(JOBS, listener);
            }
        }
    }
}
