package org.medsign.ops;

import org.junit.jupiter.api.Test;
import org.medsign.card.CardHttp;
import org.medsign.card.DevHca;
import org.medsign.card.SoftCard;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** IT's monitoring as a real JMX client sees it: WildFly's remote+http connector, one MBean per area. */
@SystemTest
class JmxMonitoringIT {

    private static final ObjectName SERVER = MedsignJmx.area("Server");
    private static final ObjectName SIGNING = MedsignJmx.area("Signing");
    private static final ObjectName CERTIFICATES = MedsignJmx.area("Certificates");
    private static final ObjectName CARD = MedsignJmx.area("Card");
    private static final ObjectName JOBS = MedsignJmx.area("Jobs");
    private static final ObjectName DATABASE = MedsignJmx.area("Database");
    private static final ObjectName AUDIT = MedsignJmx.area("Audit");

    @Test
    void eachAreaHasItsOwnMBeanAndTheOldOneIsGone(MedsignServer server) throws Exception {
        try (JMXConnector jmx = MedsignJmx.connect()) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            Set<String> types = new TreeSet<>();
            mbeans.queryNames(new ObjectName("org.medsign:*"), null).forEach(n -> types.add(n.getKeyProperty("type")));
            assertTrue(types.containsAll(List.of("Server", "Signing", "Certificates", "Card", "Jobs", "Database", "Audit")),
                    types.toString());
            assertFalse(types.contains("Monitoring"), types.toString());
            for (ObjectName area : List.of(SERVER, SIGNING, CERTIFICATES, CARD, JOBS, DATABASE, AUDIT)) {
                int attributes = mbeans.getMBeanInfo(area).getAttributes().length;
                // none near the old single bean's 25 (Certificates has the TSA's and the CA generations' figures)
                assertTrue(attributes <= 20, area + " has " + attributes + " attributes");
            }
        }
    }

    @Test
    void aSingleServerIsAClusterOfItselfAndSaysWhichSchedulesFiredOnIt(MedsignServer server) throws Exception {
        try (JMXConnector jmx = MedsignJmx.connect()) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            String node = (String) mbeans.getAttribute(SERVER, "NodeName");
            ObjectName environment = new ObjectName("jboss.as:core-service=server-environment");
            assertEquals(mbeans.getAttribute(environment, "nodeName"), node, "the name WildFly runs under");
            assertArrayEquals(new String[]{node}, (String[]) mbeans.getAttribute(SERVER, "ClusterMembers"));
            // the test server's schedules are off but the nightly full scan's, which has not come due
            String[] fired = (String[]) mbeans.getAttribute(SERVER, "TimersFiredHere");
            assertEquals(fired.length > 0, mbeans.getAttribute(SERVER, "RunsTimers"), List.of(fired).toString());
        }
    }

    @Test
    void readsHealthAndCountsAndPublishesACrl(MedsignServer server) throws Exception {
        SoftCard card = new DevHca(server).card("N0001.p12");
        assertEquals(200, new CardHttp("127.0.0.61").logIn(card).status(), "a card login fetches the HCA's CRL");
        try (JMXConnector jmx = MedsignJmx.connect()) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            assertEquals("UP", mbeans.getAttribute(SERVER, "Status"));
            assertTrue(((String) mbeans.getAttribute(SERVER, "Version")).startsWith("1."));
            assertEquals(Boolean.TRUE, mbeans.getAttribute(DATABASE, "DatabaseUp"));
            assertFalse(((String) mbeans.getAttribute(DATABASE, "SchemaVersion")).isBlank());
            assertTrue((Long) mbeans.getAttribute(DATABASE, "ConnectionsMaxUsed") >= 1, "WildFly's pool statistics read");
            assertTrue((Long) mbeans.getAttribute(DATABASE, "ConnectionsInUse") >= 0);
            assertTrue((Long) mbeans.getAttribute(DATABASE, "ConnectionWaits") >= 0);
            assertTrue((Long) mbeans.getAttribute(DATABASE, "HisConnectionsInUse") >= 0);
            assertEquals(Boolean.TRUE, mbeans.getAttribute(CERTIFICATES, "CaKeyHealthy"));
            assertTrue((Long) mbeans.getAttribute(CERTIFICATES, "CertificatesDownloaded") >= 0);
            assertTrue((Long) mbeans.getAttribute(CERTIFICATES, "DevicesBound") >= 0);
            long before = (Long) mbeans.getAttribute(CERTIFICATES, "CrlNumber");
            long published = (Long) mbeans.invoke(CERTIFICATES, "publishCrl", new Object[0], new String[0]);
            assertTrue(published > before, published + " > " + before);
            assertEquals(published, mbeans.getAttribute(CERTIFICATES, "CrlNumber"));
            assertTrue((Long) mbeans.getAttribute(CERTIFICATES, "CrlAgeSeconds") < 60);
            assertTrue((Long) mbeans.getAttribute(SIGNING, "SignaturesAccepted") >= 0);
            assertTrue((Integer) mbeans.getAttribute(CARD, "CardCrlsCached") >= 1);
            assertTrue((Long) mbeans.getAttribute(CARD, "CardCrlOldestFetchSeconds") >= 0);
            assertTrue(Instant.parse((String) mbeans.getAttribute(CARD, "CardCrlEarliestNextUpdate"))
                    .isAfter(Instant.now()), "a current card CRL");
            assertTrue((Long) mbeans.getAttribute(CARD, "CardLoginCount") >= 1, "the login above was timed");
            assertTrue((Long) mbeans.getAttribute(JOBS, "HisWriteBackBacklog") >= 0, "the HIS write-back queue is counted");
            assertTrue((Long) mbeans.getAttribute(JOBS, "HisWriteBackAgeSeconds") >= 0, "and its age");
            long run = (Long) mbeans.invoke(JOBS, "startUnsignedScan", new Object[]{"INCREMENTAL"},
                    new String[]{String.class.getName()});
            assertTrue(run > 0, "a scan started over JMX");
            String lastRun = (String) mbeans.getAttribute(JOBS, "UnsignedScanLastRun");
            assertTrue(lastRun.contains("at ") && !lastRun.matches("(\\w+) \\1 at .*"), "status said once: " + lastRun);
            assertTrue((Long) mbeans.getAttribute(AUDIT, "AuditChainHead") > 0);
        }
    }

    @Test
    void verifiesTheAuditChainAndFindsTampering(MedsignServer server) throws Exception {
        try (JMXConnector jmx = MedsignJmx.connect()) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            for (int i = 0; i < 3; i++) {
                mbeans.invoke(CERTIFICATES, "publishCrl", new Object[0], new String[0]);
            }
            long sealed = (Long) mbeans.invoke(AUDIT, "sealAuditChain", new Object[0], new String[0]);
            assertTrue(sealed > 0);
            String verdict = verify(mbeans);
            assertTrue(verdict.startsWith("intact"), verdict);

            assumeTrue(server.database().postgres(), "tampering needs direct SQL (PostgreSQL runs)");
            BlockingQueue<Notification> alerts = new LinkedBlockingQueue<>();
            NotificationListener listener = (notification, handback) -> alerts.add(notification);
            mbeans.addNotificationListener(AUDIT, listener, null, null);
            try (Connection c = server.database().connect(); Statement s = c.createStatement()) {
                long target = sealed / 2 + 1;
                ResultSet row = s.executeQuery("SELECT actor FROM audit_event WHERE sequence_number = " + target);
                assertTrue(row.next());
                String actor = row.getString(1);
                s.executeUpdate("UPDATE audit_event SET actor = 'SOMEONE' WHERE sequence_number = " + target);
                verdict = verify(mbeans);
                assertEquals("BROKEN at " + target + ": content changed", verdict);
                Notification alert = alerts.poll(30, TimeUnit.SECONDS);
                assertNotNull(alert, "a broken chain is a notification too");
                assertEquals("medsign.audit.chain-broken", alert.getType());
                assertTrue(alert.getMessage().contains("BROKEN at " + target), alert.getMessage());
                s.executeUpdate("UPDATE audit_event SET actor = '" + actor + "' WHERE sequence_number = " + target);

                s.executeUpdate("CREATE TEMP TABLE saved AS SELECT * FROM audit_event WHERE sequence_number = " + target);
                // the retention guard refuses the delete (RetentionIT); an intruder with the owner's rights gets past it
                s.executeUpdate("ALTER TABLE audit_event DISABLE TRIGGER audit_event_retention");
                try {
                    s.executeUpdate("DELETE FROM audit_event WHERE sequence_number = " + target);
                } finally {
                    s.executeUpdate("ALTER TABLE audit_event ENABLE TRIGGER audit_event_retention");
                }
                verdict = verify(mbeans);
                assertEquals("BROKEN at " + target + ": row missing (deleted)", verdict);
                s.executeUpdate("INSERT INTO audit_event SELECT * FROM saved");

                s.executeUpdate("UPDATE audit_event SET previous_hash = hash WHERE sequence_number = " + target);
                verdict = verify(mbeans);
                assertTrue(verdict.startsWith("BROKEN at " + target), verdict);
                s.executeUpdate("UPDATE audit_event a SET previous_hash = p.hash FROM audit_event p"
                        + " WHERE a.sequence_number = " + target + " AND p.sequence_number = " + (target - 1));
            } finally {
                mbeans.removeNotificationListener(AUDIT, listener);
            }
            verdict = verify(mbeans);
            assertTrue(verdict.startsWith("intact"), "restored: " + verdict);
        }
    }

    private static String verify(MBeanServerConnection mbeans) throws Exception {
        return (String) mbeans.invoke(AUDIT, "verifyAuditChain", new Object[0], new String[0]);
    }
}
