package org.medsign.jobs;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TSA key rollover and archive timestamp renewal: IT rolls the TSA over to a new key (JMX, audited); new timestamps
 * carry the new certificate; the long-term-evidence job's next run covers every older archive timestamp, with its
 * TSA's validation data, under a new one from the new key (the tests renew whatever is within ten years of its TSA
 * certificate's end). EU DSS validates the twice-archived signature offline, both archive timestamps intact, today
 * and seven years on; a signature made after the rollover reaches LTA under the new key alone.
 */
@SystemTest
class ArchiveRenewalIT {

    private static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V3 = new ASN1ObjectIdentifier("0.4.0.1733.2.4");
    private static final ObjectName CERTIFICATES = MedsignJmx.area("Certificates");

    @Test
    void archiveTimestampsAreRenewedOnceTheTsaHasRolledOver(MedsignServer server) throws Exception {
        assumeTrue(server.his().postgres() && server.database().postgres(), "the test writes to the HIS and reads by SQL");
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0003", "封存更新手機");
        nurse.bindEPortal("10.20.30.46");
        long record = HisRecords.add(server, "N0003", 2);
        EPortalClient eportal = nurse.eportal();
        eportal.refresh();
        byte[] canonical = Base64.getDecoder().decode(eportal.record(record).path("canonical").asText());
        byte[] laterCanonical = Base64.getDecoder().decode(eportal.record(record + 1).path("canonical").asText());
        eportal.signPending(nurse.deviceId(), nurse.cms(), List.of(record), null);
        long signature = LongTermEvidenceIT.signatureOf(eportal, record);
        BatchPage batch = new BatchPage(server);
        LongTermEvidenceIT.awaitGrace(server, signature);
        LongTermChecks.runJob(batch);
        String first = (String) MedsignJmx.attribute(CERTIFICATES, "TsaCertificateSerial");
        assertEquals(List.of(first), archiveTsas(eportal.storedCms(signature)));

        String rolled;
        try (JMXConnector jmx = MedsignJmx.connect()) {
            rolled = (String) jmx.getMBeanServerConnection().invoke(CERTIFICATES, "rollTimestampKey", new Object[0], new String[0]);
        }
        assertNotEquals(first, rolled);
        assertEquals(rolled, MedsignJmx.attribute(CERTIFICATES, "TsaCertificateSerial"));
        eportal.signPending(nurse.deviceId(), nurse.cms(), List.of(record + 1), null);
        long later = LongTermEvidenceIT.signatureOf(eportal, record + 1);
        LongTermEvidenceIT.awaitGrace(server, later);
        LongTermChecks.runJob(batch);

        byte[] renewed = eportal.storedCms(signature);
        assertEquals(List.of(first, rolled), archiveTsas(renewed), "the old archive timestamp under a new one");
        byte[] root = LongTermChecks.root(server);
        LongTermChecks.passesForTheRetentionPeriod(renewed, null, canonical, root, 2);

        var report = eportal.verification(signature);
        assertEquals("TOTAL_PASSED", report.path("indication").asText(), "medsign's own report, after the rollover: " + report);
        assertTrue(report.toString().contains("2 archive timestamp(s)"), report.toString());
        var sevenYearsOn = eportal.verification(signature, LongTermChecks.SEVEN_YEARS_ON.toInstant().toString());
        assertEquals("TOTAL_PASSED", sevenYearsOn.path("indication").asText(), sevenYearsOn.toString());
        var pastTheNewTsa = eportal.verification(signature, "2045-01-01");
        assertEquals("INDETERMINATE", pastTheNewTsa.path("indication").asText(), "unless renewed again by then: " + pastTheNewTsa);

        byte[] afterRollover = eportal.storedCms(later);
        assertEquals(List.of(rolled), archiveTsas(afterRollover), "made and archived under the new key");
        LongTermChecks.passesForTheRetentionPeriod(afterRollover, null, laterCanonical, root, 1);

        LongTermChecks.runJob(batch);
        assertEquals(2, archiveTsas(eportal.storedCms(signature)).size(), "renewed once: the new key gains no more time");
    }

    /** The serials (hex) of the TSA certificates of the signature's archive timestamps, oldest first. */
    private static List<String> archiveTsas(byte[] cms) throws Exception {
        AttributeTable unsigned = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next().getUnsignedAttributes();
        var attributes = unsigned.getAll(ARCHIVE_TIMESTAMP_V3);
        List<TimeStampToken> tokens = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            tokens.add(new TimeStampToken(new CMSSignedData(
                    Attribute.getInstance(attributes.get(i)).getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded())));
        }
        tokens.sort(Comparator.comparing(t -> t.getTimeStampInfo().getGenTime()));
        return tokens.stream().map(t -> t.getSID().getSerialNumber().toString(16)).toList();
    }
}
