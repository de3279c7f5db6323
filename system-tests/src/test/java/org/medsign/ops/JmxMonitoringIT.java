package org.medsign.ops;

import org.junit.jupiter.api.Test;
import org.medsign.card.CardHttp;
import org.medsign.card.DevHca;
import org.medsign.card.SoftCard;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** IT's monitoring as a real JMX client sees it: WildFly's remote+http connector, attributes and operations. */
@SystemTest
class JmxMonitoringIT {

    private static final ObjectName MONITORING = name("org.medsign:type=Monitoring");

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JMXConnector connect(MedsignServer server) throws Exception {
        return JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:remote+http://127.0.0.1:" + (9990 + MedsignServer.PORT_OFFSET)));
    }

    @Test
    void readsHealthAndCountsAndPublishesACrl(MedsignServer server) throws Exception {
        SoftCard card = new DevHca(server).card("N0001.p12");
        assertEquals(200, new CardHttp("127.0.0.61").logIn(card).status(), "a card login fetches the HCA's CRL");
        try (JMXConnector jmx = connect(server)) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            assertEquals("UP", mbeans.getAttribute(MONITORING, "Status"));
            assertEquals(Boolean.TRUE, mbeans.getAttribute(MONITORING, "CaKeyHealthy"));
            assertTrue((Long) mbeans.getAttribute(MONITORING, "CertificatesDownloaded") >= 0);
            assertTrue((Long) mbeans.getAttribute(MONITORING, "DevicesBound") >= 0);
            long before = (Long) mbeans.getAttribute(MONITORING, "CrlNumber");
            long published = (Long) mbeans.invoke(MONITORING, "publishCrl", new Object[0], new String[0]);
            assertTrue(published > before, published + " > " + before);
            assertEquals(published, mbeans.getAttribute(MONITORING, "CrlNumber"));
            assertTrue((Long) mbeans.getAttribute(MONITORING, "CrlAgeSeconds") < 60);
            assertTrue((Long) mbeans.getAttribute(MONITORING, "SignaturesAccepted") >= 0);
            assertTrue((Integer) mbeans.getAttribute(MONITORING, "CardCrlsCached") >= 1);
            assertTrue((Long) mbeans.getAttribute(MONITORING, "CardCrlOldestFetchSeconds") >= 0);
            assertTrue(java.time.Instant.parse((String) mbeans.getAttribute(MONITORING, "CardCrlEarliestNextUpdate"))
                    .isAfter(java.time.Instant.now()), "a current card CRL");
            long run = (Long) mbeans.invoke(MONITORING, "startUnsignedScan", new Object[]{"INCREMENTAL"},
                    new String[]{String.class.getName()});
            assertTrue(run > 0, "a scan started over JMX");
            String lastRun = (String) mbeans.getAttribute(MONITORING, "UnsignedScanLastRun");
            assertTrue(lastRun.contains("at ") && !lastRun.matches("(\\w+) \\1 at .*"), "status said once: " + lastRun);
        }
    }

    @Test
    void verifiesTheAuditChainAndFindsTampering(MedsignServer server) throws Exception {
        try (JMXConnector jmx = connect(server)) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            for (int i = 0; i < 3; i++) {
                mbeans.invoke(MONITORING, "publishCrl", new Object[0], new String[0]);
            }
            long sealed = (Long) mbeans.invoke(MONITORING, "sealAuditChain", new Object[0], new String[0]);
            assertTrue(sealed > 0);
            String verdict = (String) mbeans.invoke(MONITORING, "verifyAuditChain", new Object[0], new String[0]);
            assertTrue(verdict.startsWith("intact"), verdict);

            assumeTrue(server.database().postgres(), "tampering needs direct SQL (PostgreSQL runs)");
            try (Connection c = server.database().connect(); Statement s = c.createStatement()) {
                long target = sealed / 2 + 1;
                ResultSet row = s.executeQuery("SELECT actor FROM audit_event WHERE sequence_number = " + target);
                assertTrue(row.next());
                String actor = row.getString(1);
                s.executeUpdate("UPDATE audit_event SET actor = 'SOMEONE' WHERE sequence_number = " + target);
                verdict = (String) mbeans.invoke(MONITORING, "verifyAuditChain", new Object[0], new String[0]);
                assertEquals("BROKEN at " + target + ": content changed", verdict);
                s.executeUpdate("UPDATE audit_event SET actor = '" + actor + "' WHERE sequence_number = " + target);

                s.executeUpdate("CREATE TEMP TABLE saved AS SELECT * FROM audit_event WHERE sequence_number = " + target);
                s.executeUpdate("DELETE FROM audit_event WHERE sequence_number = " + target);
                verdict = (String) mbeans.invoke(MONITORING, "verifyAuditChain", new Object[0], new String[0]);
                assertEquals("BROKEN at " + target + ": row missing (deleted)", verdict);
                s.executeUpdate("INSERT INTO audit_event SELECT * FROM saved");

                s.executeUpdate("UPDATE audit_event SET previous_hash = hash WHERE sequence_number = " + target);
                verdict = (String) mbeans.invoke(MONITORING, "verifyAuditChain", new Object[0], new String[0]);
                assertTrue(verdict.startsWith("BROKEN at " + target), verdict);
                s.executeUpdate("UPDATE audit_event a SET previous_hash = p.hash FROM audit_event p"
                        + " WHERE a.sequence_number = " + target + " AND p.sequence_number = " + (target - 1));
            }
            verdict = (String) mbeans.invoke(MONITORING, "verifyAuditChain", new Object[0], new String[0]);
            assertTrue(verdict.startsWith("intact"), "restored: " + verdict);
        }
    }
}
