package org.medsign.his;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.medsign.credential.CredentialFixture;
import org.medsign.jobs.BatchPage;
import org.medsign.jobs.HisFixture;
import org.medsign.signing.HisRecords;
import org.medsign.signing.SignedBatch;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HIS database goes away for real (no new connections, its open ones killed) while a nurse signs two batches from
 * her phone: both are accepted, verified, timestamped and stored, the phone is told every record is signed, and the
 * records leave her pending list and 首頁's count; the marks wait, and JMX, Prometheus and 批次作業 show the backlog
 * and its growing age. The HIS comes back: a full scan still does not list them (the HIS shows them unsigned until
 * the write-back), then the his-write-back job, started from 批次作業, writes every mark. A trigger in the HIS logs
 * every change to a signed row: each record is marked exactly once, in the order the signatures were stored.
 */
@SystemTest
class HisOutageIT {

    private static final String NURSE = "N0003";
    private static final int BATCH = 15;
    private static final Duration RUN = Duration.ofMinutes(3);
    private static final ObjectName JOBS = MedsignJmx.area("Jobs");
    private static final URI PROMETHEUS = URI.create("http://127.0.0.1:" + (9990 + MedsignServer.PORT_OFFSET) + "/prometheus");

    @Test
    void batchesAreSignedThroughAnHisOutageAndTheirMarksFollowInOrderExactlyOnce(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres() && server.his().postgres(), "the HIS is cut off and read by SQL");
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, NURSE, "停機測試手機");
        nurse.bindEPortal("10.20.30.46");
        // two sets of fresh records; the later set is signed first, each batch in descending id order, so the
        // expected order is neither the records' ids nor their creation
        List<Long> firstSet = ids(HisRecords.add(server, NURSE, BATCH));
        List<Long> secondSet = ids(HisRecords.add(server, NURSE, BATCH));
        nurse.eportal().refresh();
        List<Long> signedFirst = descending(secondSet);
        List<Long> signedSecond = descending(firstSet);
        Map<String, Object> one = SignedBatch.of(nurse, signedFirst);
        Map<String, Object> two = SignedBatch.of(nurse, signedSecond);
        List<Long> all = new ArrayList<>(signedFirst);
        all.addAll(signedSecond);
        long pendingBefore = nurse.eportal().pending(0, 1, false).path("total").asLong();
        int countBefore = homeCount(server);

        HisFixture his = new HisFixture(server);
        BatchPage batch = new BatchPage(server);
        logMarks(server, true);
        try {
            his.reachable(false);
            try {
                assertAllSigned(nurse.eportal().resubmit(one), "SIGNED");
                long firstAge = jobs("HisWriteBackAgeSeconds");
                assertTrue(jobs("HisWriteBackBacklog") >= BATCH, "the marks wait");
                assertAllSigned(nurse.eportal().resubmit(two), "SIGNED");
                assertAllSigned(nurse.eportal().resubmit(one), "ALREADY_SIGNED");
                assertTrue(jobs("HisWriteBackBacklog") >= 2L * BATCH, "both batches' marks wait");
                awaitAgeAbove(firstAge);
                assertTrue(prometheus("medsign_his_write_back_age_seconds") > firstAge, "Prometheus shows the age too");
                assertTrue(prometheus("medsign_his_write_back_backlog") >= 2 * BATCH);
                assertStored(server, all, false);
                assertTrue(Long.parseLong(batch.open().document().getElementById("batch:writeBackBacklog").text())
                        >= 2L * BATCH, "批次作業 shows the marks waiting");
                assertNotPending(nurse, all, pendingBefore - 2 * BATCH);
                assertEquals(countBefore - 2 * BATCH, homeCount(server), "首頁's count during the outage");
            } finally {
                his.reachable(true);
            }
            BatchPage.Run scan = batch.last("unsigned-scan");
            batch.awaitIdle();
            batch.press("startFullScan");
            assertEquals("COMPLETED", batch.awaitEnd("unsigned-scan", scan == null ? 0 : scan.executionId(), RUN).status());
            nurse.eportal().refresh();
            assertNotPending(nurse, all, pendingBefore - 2 * BATCH);
            assertEquals(List.of(), marksLogged(server, all), "nothing is written to the HIS before the job");

            BatchPage.Run before = batch.last("his-write-back");
            batch.press("startWriteBack");
            BatchPage.Run run = batch.awaitEnd("his-write-back", before == null ? 0 : before.executionId(), RUN);
            assertEquals("COMPLETED", run.status());
            assertEquals(all, marksLogged(server, all), "every record marked once, in the order signed");
            assertStored(server, all, true);
            assertEquals(0L, jobs("HisWriteBackBacklog"));
            assertEquals(0L, jobs("HisWriteBackAgeSeconds"));

            batch.press("startWriteBack");
            batch.awaitIdle();
            assertEquals(all, marksLogged(server, all), "a run with nothing waiting writes nothing");
            assertNotPending(nurse, all, pendingBefore - 2 * BATCH);
            assertEquals(countBefore - 2 * BATCH, homeCount(server), "首頁's count after the write-back");
        } finally {
            logMarks(server, false);
        }
    }

    private static List<Long> ids(long first) {
        return LongStream.range(first, first + BATCH).boxed().toList();
    }

    private static List<Long> descending(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    private static void assertAllSigned(JsonNode answer, String kind) {
        JsonNode result = answer.path("result");
        assertEquals(BATCH, result.path("signed").asInt(), result.toString());
        assertEquals(0, result.path("refused").asInt(), result.toString());
        for (JsonNode item : result.path("items")) {
            assertEquals(kind, item.path("result").asText(), item.toString());
        }
    }

    /** Each record has one stored signature; written back to the HIS (MARKED) or still waiting. */
    private static void assertStored(MedsignServer server, List<Long> ids, boolean written) throws SQLException {
        try (Connection c = server.database().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT his_record_id, COUNT(*), BOOL_AND(his_marked),"
                     + " STRING_AGG(COALESCE(his_outcome, 'WAITING'), ',') FROM record_signature WHERE his_record_id IN ("
                     + in(ids) + ") GROUP BY his_record_id")) {
            int records = 0;
            while (rs.next()) {
                records++;
                assertEquals(1, rs.getLong(2), "record " + rs.getLong(1) + " stored once");
                assertEquals(written, rs.getBoolean(3), "record " + rs.getLong(1));
                assertEquals(written ? "MARKED" : "WAITING", rs.getString(4), "record " + rs.getLong(1));
            }
            assertEquals(ids.size(), records, "every record's signature is stored");
        }
    }

    private static void assertNotPending(CredentialFixture.Signer nurse, List<Long> ids, long expectedTotal) {
        JsonNode page = nurse.eportal().pending(0, 250, false);
        Set<Long> listed = new HashSet<>();
        page.path("items").forEach(i -> listed.add(i.path("recordId").asLong()));
        assertTrue(Collections.disjoint(listed, ids), "signed records are not pending: " + listed);
        assertEquals(expectedTotal, page.path("total").asLong(), "the pending count");
    }

    /** The first number of 首頁's 待簽章 N 筆 line, as the nurse sees it. */
    private static int homeCount(MedsignServer server) {
        String counts = StaffSession.logIn(server, NURSE).client().open("portal/home.xhtml").document()
                .select("[id$=signingCounts]").text();
        Matcher n = Pattern.compile("\\d+").matcher(counts);
        assertTrue(n.find(), counts);
        return Integer.parseInt(n.group());
    }

    private static long jobs(String attribute) throws Exception {
        try (JMXConnector jmx = MedsignJmx.connect()) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            return (Long) mbeans.getAttribute(JOBS, attribute);
        }
    }

    /** The age counts in whole seconds: waits (polling, bounded) until it shows more than it did. */
    private static void awaitAgeAbove(long age) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jobs("HisWriteBackAgeSeconds") <= age) {
            assertTrue(Instant.now().isBefore(deadline), "the backlog's age grows");
            Thread.sleep(200);
        }
    }

    private static double prometheus(String metric) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(PROMETHEUS).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher line = Pattern.compile("(?m)^" + metric + "(\\{[^}]*})? (\\S+)$").matcher(text);
        assertTrue(line.find(), metric + " is served");
        return Double.parseDouble(line.group(2));
    }

    /**
     * Installs (or removes) a trigger in the HIS stand-in that logs, in order, every change to a row that carries a
     * signature reference: a mark written twice, or a row rewritten after its mark, would show as a second line.
     */
    private static void logMarks(MedsignServer server, boolean on) throws SQLException {
        try (Connection c = server.his().connect(); Statement st = c.createStatement()) {
            if (on) {
                st.execute("CREATE TABLE IF NOT EXISTS it_mark_log (seq BIGSERIAL PRIMARY KEY, record_id BIGINT NOT NULL,"
                        + " signature_ref VARCHAR(64))");
                st.execute("CREATE OR REPLACE FUNCTION it_log_mark() RETURNS trigger AS $$ BEGIN"
                        + " IF NEW.signature_ref IS NOT NULL THEN"
                        + " INSERT INTO it_mark_log (record_id, signature_ref) VALUES (NEW.id, NEW.signature_ref); END IF;"
                        + " RETURN NEW; END $$ LANGUAGE plpgsql");
                st.execute("DROP TRIGGER IF EXISTS it_mark_log ON his_record");
                st.execute("CREATE TRIGGER it_mark_log AFTER UPDATE ON his_record FOR EACH ROW EXECUTE FUNCTION it_log_mark()");
            } else {
                st.execute("DROP TRIGGER IF EXISTS it_mark_log ON his_record");
                st.execute("DROP FUNCTION IF EXISTS it_log_mark()");
                st.execute("DROP TABLE IF EXISTS it_mark_log");
            }
        }
    }

    /** The records' lines in the HIS's log, in the order written; each with the reference of its stored signature. */
    private static List<Long> marksLogged(MedsignServer server, List<Long> ids) throws SQLException {
        Map<Long, String> references = new HashMap<>();
        try (Connection c = server.database().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT his_record_id, id FROM record_signature WHERE his_record_id IN ("
                     + in(ids) + ")")) {
            while (rs.next()) {
                references.put(rs.getLong(1), "medsign:signature:" + rs.getLong(2));
            }
        }
        List<Long> logged = new ArrayList<>();
        try (Connection c = server.his().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT record_id, signature_ref FROM it_mark_log WHERE record_id IN ("
                     + in(ids) + ") ORDER BY seq")) {
            while (rs.next()) {
                assertEquals(references.get(rs.getLong(1)), rs.getString(2), "the HIS refers to the stored signature");
                logged.add(rs.getLong(1));
            }
        }
        return logged;
    }

    private static String in(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
