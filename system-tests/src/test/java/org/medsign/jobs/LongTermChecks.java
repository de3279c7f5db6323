package org.medsign.jobs;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.TimestampType;
import org.medsign.signing.Dss;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.Tools;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the long-term tests ask of a signature the job augmented: the outside validators' verdicts, and the job run. */
public final class LongTermChecks {

    static final Duration RUN = Duration.ofMinutes(3);
    /** Seven years of retention, and the leap days in them. */
    public static final Date SEVEN_YEARS_ON = Date.from(Instant.now().plus(Duration.ofDays(7 * 365 + 2)));

    private LongTermChecks() {
    }

    /** medsign's root certificate, the only trust anchor DSS is given. */
    public static byte[] root(MedsignServer server) throws Exception {
        return DevTls.httpClient().send(HttpRequest.newBuilder(server.plainHttpUrl("pki/mobile/root.crt")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** Starts the long-term-evidence job from 批次作業 and waits until it has COMPLETED. */
    public static void runJob(BatchPage batch) throws Exception {
        batch.awaitIdle();
        BatchPage.Run before = batch.last("long-term-evidence");
        batch.press("startLongTerm");
        BatchPage.Run run = batch.awaitEnd("long-term-evidence", before == null ? 0 : before.executionId(), RUN);
        assertEquals("COMPLETED", run.status(), run.toString());
    }

    /**
     * EU DSS, offline, medsign's root the only anchor: CAdES-BASELINE-LTA TOTAL_PASSED today and seven years on, with
     * {@code archives} archive timestamps whose imprints DSS recomputed intact; the CAdES-T the signature came from
     * would be INDETERMINATE by then.
     */
    public static void passesForTheRetentionPeriod(byte[] lta, byte[] cadesT, byte[] content, byte[] root, int archives) {
        Dss.Outcome now = Dss.validate(lta, content, root, true, null);
        assertEquals("CAdES-BASELINE-LTA TOTAL_PASSED", now.level() + " " + now.indication(), now.toString());
        var found = now.reports().getDiagnosticData().getTimestampList().stream()
                .filter(t -> t.getType() == TimestampType.ARCHIVE_TIMESTAMP).toList();
        assertEquals(archives, found.size(), "archive timestamps");
        assertTrue(found.stream().allMatch(t -> t.isMessageImprintDataFound() && t.isMessageImprintDataIntact()),
                "DSS recomputed every archive timestamp's imprint");
        Dss.Outcome later = Dss.validate(lta, content, root, true, SEVEN_YEARS_ON);
        assertEquals("CAdES-BASELINE-LTA TOTAL_PASSED", later.level() + " " + later.indication(),
                "seven years on, offline, the signer's certificate long expired: " + later);
        if (cadesT != null) {
            Dss.Outcome tLater = Dss.validate(cadesT, content, root, true, SEVEN_YEARS_ON);
            assertEquals(Indication.INDETERMINATE, tLater.indication(), "what the CAdES-T alone would be then: " + tLater);
        }
    }

    /** {@code openssl cms -verify} still accepts the augmented signature with the published chain. */
    static void opensslAccepts(Path dir, byte[] lta, byte[] content, String chainPem) throws Exception {
        Files.write(dir.resolve("record.bin"), content);
        Files.write(dir.resolve("lta.der"), lta);
        Files.writeString(dir.resolve("chain.pem"), chainPem);
        Tools.Result openssl = Tools.runResult("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                dir.resolve("lta.der").toString(), "-content", dir.resolve("record.bin").toString(), "-CAfile",
                dir.resolve("chain.pem").toString(), "-purpose", "any", "-out", "/dev/null");
        assertTrue(openssl.all().contains("Verification successful"), openssl.all());
    }
}
