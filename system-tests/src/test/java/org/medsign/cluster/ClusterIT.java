package org.medsign.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.medsign.card.CardHttp;
import org.medsign.card.CardHttp.Reply;
import org.medsign.card.SoftCard;
import org.medsign.credential.CredentialFixture;
import org.medsign.credential.Enrolments;
import org.medsign.mobile.DeviceBinder;
import org.medsign.mobile.DeviceInfo;
import org.medsign.mobile.DeviceKeyStore;
import org.medsign.mobile.EPortalClient;
import org.medsign.mobile.MedsignClient;
import org.medsign.mobile.TicketLink;
import org.medsign.jobs.BatchPage;
import org.medsign.jobs.HisFixture;
import org.medsign.signing.ExactlyOnce;
import org.medsign.signing.HisRecords;
import org.medsign.signing.SignedBatch;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignCluster;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.StaffSession;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes on the HA profile behind haproxy, one database; later tests restart both nodes, kill the one serving a
 * phone's batch (and start it again), and the last kills one for good.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final ObjectName CERTIFICATES = name("org.medsign:type=Certificates");
    private static final ObjectName AUDIT = name("org.medsign:type=Audit");
    private static final ObjectName SERVER = name("org.medsign:type=Server");
    private static MedsignCluster cluster;

    @BeforeAll
    static void start() {
        cluster = MedsignCluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void bothNodesAreOneClusterAndTheBalancerUsesBoth() throws Exception {
        for (int n = 1; n <= 2; n++) {
            try (JMXConnector jmx = jmx(n)) {
                MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
                assertEquals("node" + n, mbeans.getAttribute(name("jboss.as:core-service=server-environment"), "nodeName"));
                String view = (String) mbeans.getAttribute(name("jboss.as:subsystem=jgroups,channel=ee"), "view");
                assertTrue(view.contains("node1") && view.contains("node2"), "node" + n + "'s view: " + view);
                // medsign's own Server MBean says the same: the node's name, and both members
                assertEquals("node" + n, mbeans.getAttribute(SERVER, "NodeName"));
                assertEquals(Set.of("node1", "node2"),
                        Set.of((String[]) mbeans.getAttribute(SERVER, "ClusterMembers")));
                String[] fired = (String[]) mbeans.getAttribute(SERVER, "TimersFiredHere");
                assertEquals(fired.length > 0, mbeans.getAttribute(SERVER, "RunsTimers"), List.of(fired).toString());
            }
        }
        Set<String> served = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            PortalClient client = new PortalClient(cluster);
            assertEquals(200, client.get("login.xhtml").statusCode());
            client.cookies().stream().filter(c -> c.getName().equals("MEDSIGNNODE")).map(HttpCookie::getValue)
                    .forEach(served::add);
        }
        assertEquals(Set.of("node1", "node2"), served, "round robin over both nodes");
    }

    @Test
    @Order(10)
    void theNodesShareOneCaAndOneDataKey() throws Exception {
        PortalClient one = new PortalClient(cluster.node(1));
        PortalClient two = new PortalClient(cluster.node(2));
        HttpResponse<String> ca1 = one.get("pki/mobile/ca.crt");
        HttpResponse<String> ca2 = two.get("pki/mobile/ca.crt");
        assertEquals(200, ca1.statusCode());
        assertEquals(ca1.body(), ca2.body(), "both nodes serve the same issuing CA certificate");
        try (Connection c = cluster.database().connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT purpose, fingerprint, recorded_by FROM key_identity ORDER BY purpose")) {
            int count = 0;
            while (rows.next()) {
                count++;
                assertEquals(64, rows.getString("fingerprint").length(), rows.getString("purpose"));
                assertEquals("node1", rows.getString("recorded_by"), "the first node made the keys, the second found them");
            }
            assertEquals(2, count);
        }
        // National IDs node 1 sealed at the demo data's first start, shown masked by node 2: one data key.
        String masked1 = profileId(StaffSession.logIn(cluster.node(1), "N0001"));
        String masked2 = profileId(StaffSession.logIn(cluster.node(2), "N0001"));
        assertTrue(masked1.matches("[A-Z][0-9*]{9}") && masked1.contains("*"), masked1);
        assertEquals(masked1, masked2);
    }

    @Test
    @Order(20)
    void crlNumbersRiseWhicheverNodePublishes() throws Exception {
        long last = 0;
        for (int n : new int[]{1, 2, 1, 2}) {
            try (JMXConnector jmx = jmx(n)) {
                MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
                long published = (Long) mbeans.invoke(CERTIFICATES, "publishCrl", new Object[0], new String[0]);
                assertTrue(published > last, "node" + n + " published CRL " + published + " after " + last);
                last = published;
            }
        }
        assertArrayEquals(crl(cluster.node(1)), crl(cluster.node(2)), "both nodes serve the newest CRL, whoever published it");
    }

    @Test
    @Order(30)
    void bothNodesAppendToOneAuditChainAtOnce() throws Exception {
        // each JMX operation appends two audit rows (the CRL and the operation); both nodes at the same time
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> appenders = new java.util.ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            int node = n;
            Thread appender = new Thread(() -> {
                try (JMXConnector jmx = jmx(node)) {
                    MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
                    for (int i = 0; i < 10; i++) {
                        mbeans.invoke(CERTIFICATES, "publishCrl", new Object[0], new String[0]);
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            appenders.add(appender);
            appender.start();
        }
        for (Thread appender : appenders) {
            appender.join();
        }
        assertEquals(List.of(), failures);
        try (JMXConnector one = jmx(1); JMXConnector two = jmx(2)) {
            one.getMBeanServerConnection().invoke(AUDIT, "sealAuditChain", new Object[0], new String[0]);
            String verdict = (String) two.getMBeanServerConnection()
                    .invoke(AUDIT, "verifyAuditChain", new Object[0], new String[0]);
            assertTrue(verdict.startsWith("intact"), "node2 verifies the chain node1 sealed: " + verdict);
        }
    }

    @Test
    @Order(40)
    void cardCheckFailuresCountOnceWhicheverNodeJudgesThem() throws Exception {
        // from 127.0.0.3 through the balancer, which alternates its nodes request by request
        CardHttp http = new CardHttp("127.0.0.3", 8443 + MedsignCluster.OFFSET);
        Set<String> judges = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Reply reply = http.post("card/login", "{}");
            assertEquals("MS-1003", reply.code(), "try " + i + ": " + reply.body());
            judges.add(servedBy(reply));
        }
        assertEquals(Set.of("node1", "node2"), judges, "both nodes judged some of the tries");
        Reply blocked = http.post("card/login", "{}");
        assertEquals("MS-2015", blocked.code(), "blocked after 20 failures, as on one node: " + blocked.body());
        for (int n = 1; n <= 2; n++) {
            Reply direct = new CardHttp("127.0.0.4", 8443 + cluster.node(n).offset()).post("card/login", "{}");
            assertEquals("MS-1003", direct.code(), "another address is not held up on node" + n);
        }
    }

    @Test
    @Order(45)
    void wrongPasswordsLockAnAccountWhicheverNodeCountsThem() throws Exception {
        // the app's login (M14) through the balancer: N0005's five wrong passwords, counted by both nodes
        CardHttp http = new CardHttp("127.0.0.5", 8443 + MedsignCluster.OFFSET);
        String wrong = "{\"site\":\"T0\",\"account\":\"N0005\",\"password\":\"not-the-password\"}";
        Set<String> counters = new HashSet<>();
        for (int i = 1; i < 5; i++) {
            Reply reply = http.post("api/v1/sessions", wrong);
            assertEquals("MS-1001", reply.code(), "wrong password " + i + ": " + reply.body());
            counters.add(servedBy(reply));
        }
        assertEquals(Set.of("node1", "node2"), counters, "both nodes counted some of the wrong passwords");
        Reply fifth = http.post("api/v1/sessions", wrong);
        assertEquals("MS-1002", fifth.code(), "locked at the fifth, as on one node: " + fifth.body());
        String right = "{\"site\":\"T0\",\"account\":\"N0005\",\"password\":\"" + StaffSession.DEMO_PASSWORD + "\"}";
        for (int n = 1; n <= 2; n++) {
            Reply direct = new CardHttp("127.0.0.5", 8443 + cluster.node(n).offset()).post("api/v1/sessions", right);
            assertEquals("MS-1002", direct.code(), "node" + n + " refuses even the right password now: " + direct.body());
        }
    }

    @Test
    @Order(50)
    void aRollingRestartIsInvisibleToAPortalUserAndASigningPhone() throws Exception {
        // each node in turn stopped (medsign-cluster.sh stop-node) and started again with the same build, while a
        // user reads pages and a phone signs one new record after the other, each request through the balancer and
        // sent once (the phone's own repeat is not used: the balancer and the nodes must see to it)
        StaffSession nurse = StaffSession.logIn(cluster, "N0001");
        String id = profileId(nurse);
        CredentialFixture.Signer phone = CredentialFixture.downloadedSigner(cluster, "N0003", "輪替重啟手機");
        phone.bindEPortal("10.20.30.49");
        AtomicBoolean restarting = new AtomicBoolean(true);
        List<String> errors = new CopyOnWriteArrayList<>();
        AtomicInteger pages = new AtomicInteger();
        List<Long> signed = new CopyOnWriteArrayList<>();
        Thread user = new Thread(() -> {
            while (restarting.get()) {
                try {
                    HttpResponse<String> page = nurse.client().get("portal/profile.xhtml");
                    pages.incrementAndGet();
                    if (page.statusCode() != 200 || !page.body().contains(id)) {
                        errors.add(page.statusCode() + " " + page.headers().map());
                    }
                } catch (RuntimeException e) {
                    errors.add(e.toString());
                }
                pause();
            }
        });
        Thread signing = new Thread(() -> {
            while (restarting.get()) {
                try {
                    long record = HisRecords.add(cluster.his(), phone.employeeNumber(), 1, 1);
                    phone.eportal().refresh();
                    JsonNode result = phone.eportal().resubmit(SignedBatch.of(phone, List.of(record))).path("result");
                    if (ExactlyOnce.results(result, "SIGNED") != 1) {
                        errors.add("phone: " + result);
                    }
                    signed.add(record);
                } catch (Exception e) {
                    errors.add(java.time.Instant.now() + " phone: " + e + " (" + e.getCause() + ")");
                }
                pause();
            }
        });
        user.start();
        signing.start();
        try {
            for (int n = 1; n <= 2; n++) {
                cluster.node(n).stop();
                cluster.node(n).start();
            }
        } finally {
            restarting.set(false);
            user.join();
            signing.join();
        }
        assertEquals(List.of(), errors, "the user saw no error in " + pages.get() + " pages, nor the phone in "
                + signed.size() + " records signed");
        assertTrue(pages.get() > 0 && !signed.isEmpty());
        new ExactlyOnce(cluster.database(), cluster.his()).assertEveryRecordSignedOnce(signed);
    }

    @Test
    @Order(60)
    void aBatchWhoseNodeIsKilledMidwayIsSignedOnceByTheOtherNode() throws Exception {
        // the phone sends 250 signatures through the balancer; the node that has the request dies (kill -9) while it
        // verifies them; the phone gets no answer and sends the same batch again, which the survivor answers
        ExactlyOnce once = new ExactlyOnce(cluster.database(), cluster.his());
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(cluster, "N0001", "叢集當機測試");
        nurse.bindEPortal("10.20.30.47");
        List<Long> ids = once.records(nurse);
        Map<String, Object> batch = SignedBatch.of(nurse, ids);
        AtomicReference<MedsignCluster.Node> serving = new AtomicReference<>();
        try {
            // what the dead node stored, read once it is gone, before the phone sends the batch again
            AtomicLong storedBefore = new AtomicLong(-1);
            Runnable beforeRepeat = () -> storedBefore.compareAndSet(-1, once.stored(batch));
            ExactlyOnce.Sent<EPortalClient.Delivery> sent = ExactlyOnce.killDuring(() -> nurse.eportal().deliver(batch, 10, Duration.ofSeconds(2), beforeRepeat),
                    () -> cluster.busyNode().map(node -> {
                        serving.set(node);
                        return true;
                    }).orElse(false), 60, () -> {
                        assertNotNull(serving.get(), "the balancer named the node serving the batch");
                        serving.get().kill();
                    });
            assertFalse(sent.lost(), () -> "the phone got an answer in the end: " + sent.failure());
            assertTrue(sent.answer().attempts() > 1, "the node died before it answered: " + sent.answer().unanswered());
            once.assertCompleted(nurse, batch, sent.answer().answer(), storedBefore.get(), ids);
        } finally {
            if (serving.get() != null) {
                serving.get().start(); // the later tests need both nodes
            }
        }
    }

    @Test
    @Order(70)
    void aScanWhoseNodeIsKilledIsFinishedByTheOtherNodeFromItsCheckpoints() throws Exception {
        // IT starts a full scan on 批次作業 (its node runs it); that node is killed mid-scan; the survivor sees the
        // claim's node gone from its cluster view and restarts the same run from its checkpoints
        HisFixture his = new HisFixture(cluster);
        BatchPage batch = new BatchPage(cluster);
        batch.awaitIdle();
        his.generate(21, 120, 400_000, 2);
        his.update("UPDATE his_record SET signed_version = NULL WHERE id % 3 <> 0"
                + " AND (signature_ref IS NULL OR signature_ref NOT LIKE 'medsign:%')");
        long indexed = batch.scalar("SELECT COUNT(*) FROM pending_record");
        BatchPage.Run before = batch.last("unsigned-scan");
        batch.press("startFullScan");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long grown = 0;
        while (Instant.now().isBefore(deadline) && grown < 50_000) {
            Thread.sleep(100);
            grown = batch.scalar("SELECT COUNT(*) FROM pending_record") - indexed;
        }
        BatchPage.Run killed = batch.last("unsigned-scan");
        assertTrue(grown >= 50_000 && killed.executionId() > (before == null ? 0 : before.executionId()) && !killed.ended(),
                "killed mid-scan: " + grown + " rows written, " + killed);
        MedsignCluster.Node runner = cluster.node(claimedBy("unsigned-scan").charAt(4) - '0');
        runner.kill();
        try {
            BatchPage.Run finished = batch.awaitEnd("unsigned-scan", killed.executionId(), Duration.ofMinutes(5));
            assertEquals("COMPLETED", finished.status(), finished.toString());
            assertEquals(killed.instanceId(), finished.instanceId(), "the same run continued");
            long reread = batch.scalar("SELECT COALESCE(SUM(readcount), 0) FROM step_execution WHERE jobexecutionid = "
                    + finished.executionId());
            var expected = his.expected(batch.windowStart(finished.instanceId()));
            assertTrue(reread > 0 && reread < expected.size() * 0.85,
                    "the survivor resumed from checkpoints: read " + reread + " of " + expected.size());
            assertEquals(expected, his.actual(), "the index equals a from-scratch computation");
            String survivor = runner.name().equals("node1") ? "node2" : "node1";
            assertEquals(1, batch.scalar("SELECT COUNT(*) FROM audit_event WHERE action = 'JOB_RESTARTED'"
                    + " AND actor = 'takeover' AND detail LIKE 'taken over by " + survivor + " from " + runner.name() + ",%'"),
                    "the survivor audited that it took the run over");
        } finally {
            runner.start();
        }
    }

    /** The node that holds a job's claim (job_run_lock). */
    private static String claimedBy(String job) throws Exception {
        try (Connection c = cluster.database().connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT claimed_by FROM job_run_lock WHERE job_name = '" + job + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Both nodes up behind the balancer, and each sees both in its JGroups view (a restarted node rejoins late). */
    private static void awaitOneCluster() throws Exception {
        cluster.awaitBalanced();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
        for (int n = 1; n <= 2; n++) {
            while (true) {
                String view;
                try (JMXConnector jmx = jmx(n)) {
                    view = (String) jmx.getMBeanServerConnection().getAttribute(
                            name("jboss.as:subsystem=jgroups,channel=ee"), "view");
                }
                if (view.contains("node1") && view.contains("node2")) {
                    break;
                }
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("node" + n + "'s view: " + view);
                }
                pause();
            }
        }
        Thread.sleep(2000); // the session caches' state transfer to a node that has just joined
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The node haproxy chose for a request that came without its cookie, from the cookie it sets. */
    private static String servedBy(Reply reply) {
        return reply.headers().getOrDefault("set-cookie", java.util.List.of()).stream()
                .flatMap(cookie -> HttpCookie.parse(cookie).stream()).filter(c -> c.getName().equals("MEDSIGNNODE"))
                .map(HttpCookie::getValue).findFirst().orElse("?");
    }

    @Test
    @Order(100)
    void aPortalSessionOutlivesItsNode() throws Exception {
        // the earlier tests restarted nodes: a session replicates only to a node that is back in the cluster's view
        awaitOneCluster();
        // N0002 binds a phone and goes through 申請憑證 up to the card step, all on the node the balancer chose
        StaffSession doctor = StaffSession.logIn(cluster, "N0002");
        StaffSession.BindingTicket binding = doctor.bindingTicket("cluster phone");
        new DeviceBinder(new MedsignClient(cluster.url(""), DevTls.sslContext())).bind(TicketLink.parse(binding.uri()),
                binding.code(), DeviceKeyStore.newKeyPair("EC"), DeviceInfo.thisMachine());
        Enrolments.AtCard wizard = Enrolments.upToCard(doctor, "cluster phone");
        // WildFly replicates a request's session changes as the request completes, just after its answer has left: a
        // kill within milliseconds of the card step's answer lost that step's view (MS-1005 on the survivor). A user
        // takes longer than that; here the doctor reads her profile (the wizard's view stays) before the node dies.
        String before = profileId(doctor);
        String node = servingNode(doctor);
        cluster.node(Integer.parseInt(node.substring(4))).kill();

        // the survivor has the session (still logged in) and the wizard's view state (device, accepted statement)
        SoftCard card = SoftCard.load(cluster.keyDirectory().resolve("dev-hca/cards/N0002.p12"));
        Enrolments.Ticket ticket = Enrolments.apply(doctor, wizard, card, 8443 + MedsignCluster.OFFSET);
        assertEquals(wizard.deviceId(), ticket.deviceId());
        assertTrue(ticket.code().length() == 10 && ticket.qrImage().startsWith("data:image/png"), ticket.toString());
        assertNotEquals(node, servingNode(doctor), "the balancer moved the session to the survivor");
        HttpResponse<String> after = doctor.client().get("portal/profile.xhtml");
        assertEquals(200, after.statusCode(), "still logged in, on the other node: " + after.headers().map());
        assertEquals(before, profileId(doctor));
    }

    private static String servingNode(StaffSession session) {
        return session.client().cookies().stream().filter(c -> c.getName().equals("MEDSIGNNODE"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private static String profileId(StaffSession session) {
        PortalClient.Page page = session.client().open("portal/profile.xhtml");
        return page.document().select("[id$=nationalId]").text();
    }

    private static JMXConnector jmx(int node) throws Exception {
        return JMXConnectorFactory.connect(new JMXServiceURL("service:jmx:remote+http://127.0.0.1:"
                + (9990 + cluster.node(node).offset())));
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] crl(MedsignCluster.Node node) throws Exception {
        HttpResponse<byte[]> r = DevTls.httpClient().send(HttpRequest.newBuilder(node.url("pki/mobile/ca.crl")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }
}
