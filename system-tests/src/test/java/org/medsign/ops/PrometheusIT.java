package org.medsign.ops;

import org.junit.jupiter.api.Test;
import org.medsign.card.CardHttp;
import org.medsign.card.DevHca;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same figures as JMX, as a Prometheus server scrapes them from the management interface. */
@SystemTest
class PrometheusIT {

    private static final URI PROMETHEUS = URI.create("http://127.0.0.1:" + (9990 + MedsignServer.PORT_OFFSET) + "/prometheus");

    @Test
    void theManagementInterfaceServesMedsignsFiguresAsPrometheusText(MedsignServer server) throws Exception {
        assertEquals(200, new CardHttp("127.0.0.62").logIn(new DevHca(server).card("N0002.p12")).status());
        try (JMXConnector jmx = MedsignJmx.connect()) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            ObjectName card = MedsignJmx.area("Card");
            ObjectName certificates = MedsignJmx.area("Certificates");
            // nothing is timed between these reads and the scrape, so both show the same histogram
            long logins = (Long) mbeans.getAttribute(card, "CardLoginCount");
            double p50 = (Double) mbeans.getAttribute(card, "CardLoginLatencyP50Milliseconds");
            double max = (Double) mbeans.getAttribute(card, "CardLoginLatencyMaxMilliseconds");
            long crlNumber = (Long) mbeans.getAttribute(certificates, "CrlNumber");

            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(PROMETHEUS).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode());
            String text = scrape.body();
            assertTrue(text.contains("# TYPE medsign_operation_latency_milliseconds gauge"), text);
            assertEquals(p50, value(text, "medsign_operation_latency_milliseconds", "operation=\"card_login\"", "quantile=\"0.5\""));
            assertEquals(max, value(text, "medsign_operation_latency_milliseconds", "operation=\"card_login\"", "quantile=\"1\""));
            assertEquals(logins, value(text, "medsign_operation_calls_total", "operation=\"card_login\""));
            assertEquals(crlNumber, value(text, "medsign_crl_number"));
            assertEquals(1, value(text, "medsign_up"));
            assertEquals(1, value(text, "medsign_ca_key_healthy"));
            assertEquals(1, value(text, "medsign_database_up"));
            for (String operation : List.of("batch_signing", "certificate_issuance", "pending_list", "card_login")) {
                assertTrue(text.contains("operation=\"" + operation + "\""), operation);
            }
            for (String status : List.of("issued", "downloaded", "revoked", "expired")) {
                assertTrue(value(text, "medsign_certificates", "status=\"" + status + "\"") >= 0, status);
            }
            assertTrue(value(text, "medsign_signatures_accepted_total") >= 0);
            assertTrue(value(text, "medsign_card_crls_cached") >= 1);
            assertTrue(value(text, "medsign_job_last_run_failed", "job=\"unsigned-scan\"") >= 0);
            assertTrue(value(text, "medsign_database_connections_max_used") >= 1);
            String node = "node=\"" + mbeans.getAttribute(MedsignJmx.area("Server"), "NodeName") + "\"";
            assertEquals(1, value(text, "medsign_cluster_members", node), "one server: a cluster of itself");
            assertTrue(value(text, "medsign_runs_timers", node) >= 0);
            assertTrue(value(text, "medsign_long_term_backlog") >= 0);
            assertTrue(value(text, "medsign_long_term_backlog_age_seconds") >= 0);
            assertTrue(value(text, "medsign_his_write_back_backlog") >= 0);
            assertTrue(value(text, "medsign_his_write_back_age_seconds") >= 0);
            assertFalse(text.matches("(?s).*medsign_[^\\n]*[A-Z]\\d{9}.*"), "no national ID in any medsign line");
        }
    }

    /** The value of the one sample of the metric whose labels include all those given. */
    private static double value(String text, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + metric + "(\\{[^}]*})? (\\S+)$").matcher(text);
        Double found = null;
        while (line.find()) {
            String labelSet = line.group(1) == null ? "" : line.group(1);
            if (List.of(labels).stream().allMatch(labelSet::contains)) {
                assertEquals(null, found, "one sample of " + metric + " " + List.of(labels));
                found = Double.parseDouble(line.group(2));
            }
        }
        assertTrue(found != null, metric + " " + List.of(labels) + " in:\n" + text);
        return found;
    }
}
