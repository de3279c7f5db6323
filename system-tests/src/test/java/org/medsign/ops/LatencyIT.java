package org.medsign.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.medsign.card.CardHttp;
import org.medsign.card.DevHca;
import org.medsign.card.SoftCard;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The latency percentiles IT reads over JMX, checked against the clients' own timings of the same calls. The server
 * times each call inside its own handling, so each server latency is at most the client's for that call; the k-th
 * smallest of the server's is then at most the k-th smallest of the client's, for every percentile (nearest rank,
 * the definition both sides use). This holds however slow or busy the machine is: no figure is compared with a
 * time limit. Right after a reset the server has seen exactly the calls made here, which the counts check.
 */
@SystemTest
class LatencyIT {

    private static final String[] FIGURES = {"P50", "P95", "P99", "Max"};
    private static final double[] SHARES = {0.50, 0.95, 0.99, 1.00};

    @Test
    void theServersPercentilesAreBracketedByTheClientsTimings(MedsignServer server) throws Exception {
        try (JMXConnector jmx = MedsignJmx.connect()) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();

            reset(mbeans, "Certificates");
            List<Long> issuance = new ArrayList<>();
            CredentialFixture.Signer signer = null;
            for (int i = 0; i < 3; i++) {
                signer = CredentialFixture.downloadedSigner(server, "N0002", "計時手機" + i, issuance::add);
            }
            assertBracketed(mbeans, "Certificates", "CertificateIssuance", issuance);

            assertTrue(signer.bindEPortal("10.20.30.40").body().contains("裝置綁定員工編號完成"));
            // records of its own to sign, so that the nurses other tests count on keep theirs
            HisRecords.add(server, "N0002", 4);
            EPortalClient phone = signer.eportal();
            phone.refresh();
            reset(mbeans, "Signing");
            List<Long> pending = new ArrayList<>();
            JsonNode items = null;
            for (int i = 0; i < 12; i++) {
                items = timed(pending, () -> phone.pending(true)).path("items");
            }
            List<Long> batches = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // a pending record of N0002's signed for real where there is one, else a refused item: both are batches
                JsonNode item = items.path(i);
                long recordId = item.isMissingNode() ? 1 : item.path("record").path("recordId").asLong();
                byte[] content = item.isMissingNode() ? new byte[]{1} : Base64.getDecoder().decode(item.path("canonical").asText());
                List<Map<String, Object>> batch = List.of(EPortalClient.item(recordId,
                        Base64.getEncoder().encodeToString(signer.cms().sign(content)), "補簽，計時測試"));
                String deviceId = signer.deviceId();
                timed(batches, () -> phone.submit(deviceId, batch));
            }
            assertBracketed(mbeans, "Signing", "PendingList", pending);
            assertBracketed(mbeans, "Signing", "BatchSigning", batches);

            reset(mbeans, "Card");
            SoftCard card = new DevHca(server).card("N0002.p12");
            List<Long> logins = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                CardHttp http = new CardHttp("127.0.0." + (150 + i));
                assertEquals(200, timed(logins, () -> http.logIn(card)).status());
            }
            assertBracketed(mbeans, "Card", "CardLogin", logins);
        }
    }

    private static <T> T timed(List<Long> nanos, Callable<T> call) throws Exception {
        long started = System.nanoTime();
        T result = call.call();
        nanos.add(System.nanoTime() - started);
        return result;
    }

    private static void reset(MBeanServerConnection mbeans, String area) throws Exception {
        mbeans.invoke(MedsignJmx.area(area), "resetLatencies", new Object[0], new String[0]);
    }

    private static void assertBracketed(MBeanServerConnection mbeans, String area, String operation, List<Long> clientNanos)
            throws Exception {
        ObjectName bean = MedsignJmx.area(area);
        assertEquals((long) clientNanos.size(), mbeans.getAttribute(bean, operation + "Count"),
                operation + ": the server counted exactly the client's calls");
        List<Long> sorted = new ArrayList<>(clientNanos);
        sorted.sort(null);
        double previous = 0;
        for (int i = 0; i < FIGURES.length; i++) {
            double serverMillis = (Double) mbeans.getAttribute(bean, operation + "Latency" + FIGURES[i] + "Milliseconds");
            int rank = Math.max(1, (int) Math.ceil(SHARES[i] * sorted.size() - 1e-9));
            double clientMillis = sorted.get(rank - 1) / 1e6;
            String figure = operation + " " + FIGURES[i] + ": server " + serverMillis + " ms, client " + clientMillis + " ms";
            assertTrue(serverMillis > 0, figure);
            assertTrue(serverMillis <= clientMillis, figure);
            assertTrue(serverMillis >= previous, figure + " is not below the lower percentile " + previous);
            previous = serverMillis;
        }
    }
}
