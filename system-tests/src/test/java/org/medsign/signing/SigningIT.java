package org.medsign.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.CmsSigner;
import org.medsign.mobile.EPortalClient;
import org.medsign.mobile.MedsignApiException;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** M19–M25 against the real server: E Portal binding on the intranet, the pending list and batch signing. */
@SystemTest
class SigningIT {

    private static String refusal(Runnable call) {
        return assertThrows(MedsignApiException.class, call::run).code();
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.path("items").forEach(i -> ids.add(i.path("record").path("recordId").asLong()));
        return ids;
    }

    @Test
    void bindsOnTheIntranetListsSignsAndRefreshes(MedsignServer server, @TempDir Path dir) throws Exception {
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0001", "簽章手機");
        assertEquals("MS-5013", refusal(() -> nurse.eportal().signPending(nurse.deviceId(), nurse.cms(), List.of(), "x")),
                "no E Portal binding yet");
        assertEquals(403, nurse.bindEPortal(null).statusCode(), "from outside the intranet");
        assertEquals(403, nurse.bindEPortal("203.0.113.7").statusCode(), "a forwarded outside address");
        assertTrue(nurse.bindEPortal("10.20.30.40").body().contains("裝置綁定員工編號完成"));

        nurse.eportal().refresh();
        List<Long> pending = ids(nurse.eportal().pending(false));
        assertTrue(pending.size() >= 5, "the demo HIS gives N0001 pending records: " + pending);
        JsonNode signed = nurse.eportal().signPending(nurse.deviceId(), nurse.cms(), pending.subList(0, 5), "病人轉院，補簽");
        assertEquals("成功完成5筆簽章", signed.path("message").asText(), signed.toString());
        // Other tests may have filled the HIS: sign batch after batch (250 at most each) until nothing is left.
        for (int batch = 0; batch < 40 && nurse.eportal().refresh().path("total").asLong() > 0; batch++) {
            assertTrue(nurse.eportal().signPending(nurse.deviceId(), nurse.cms(), List.of(), "補簽")
                    .path("message").asText().startsWith("成功完成"));
        }
        assertEquals(0, nurse.eportal().refresh().path("total").asLong(), "nothing left after 重新整理 (M24)");

        String out = Tools.mobileCli(server, "pending", "--home", nurse.home().toString());
        assertTrue(out.contains("待簽 0 筆"), out);
    }

    @Test
    void aStoredSignatureIsReadByOpensslCms(MedsignServer server, @TempDir Path dir) throws Exception {
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0003", "openssl簽章");
        nurse.bindEPortal("10.20.30.41");
        nurse.eportal().refresh();
        JsonNode list = nurse.eportal().pending(true);
        JsonNode first = list.path("items").get(0);
        long id = first.path("record").path("recordId").asLong();
        byte[] canonical = Base64.getDecoder().decode(first.path("canonical").asText());
        Files.write(dir.resolve("record.bin"), canonical);
        byte[] cms = nurse.cms().sign(canonical);
        Files.write(dir.resolve("sig.der"), cms);
        Files.writeString(dir.resolve("chain.pem"), nurse.chainPem());
        Tools.Result verified = Tools.runResult("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                dir.resolve("sig.der").toString(), "-content", dir.resolve("record.bin").toString(), "-CAfile",
                dir.resolve("chain.pem").toString(), "-purpose", "any", "-out", "/dev/null");
        assertTrue(verified.all().contains("Verification successful"), verified.all());
        JsonNode answer = nurse.eportal().submit(nurse.deviceId(), List.of(EPortalClient.item(id,
                Base64.getEncoder().encodeToString(cms), "補簽")));
        assertEquals(1, answer.path("result").path("signed").asInt(), answer.toString());
    }

    @Test
    void everyBadItemIsRefusedAloneWithItsCode(MedsignServer server) throws Exception {
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0002", "壞簽章測試");
        nurse.bindEPortal("10.20.30.42");
        nurse.eportal().refresh();
        JsonNode list = nurse.eportal().pending(true);
        assertTrue(list.path("items").size() >= 3, list.toString());
        JsonNode a = list.path("items").get(0);
        JsonNode b = list.path("items").get(1);
        long idA = a.path("record").path("recordId").asLong();
        long idB = b.path("record").path("recordId").asLong();
        long idC = list.path("items").get(2).path("record").path("recordId").asLong();
        byte[] bytesA = Base64.getDecoder().decode(a.path("canonical").asText());
        CmsSigner signer = nurse.cms();
        String good = Base64.getEncoder().encodeToString(signer.sign(bytesA));
        String wrongDigest = Base64.getEncoder().encodeToString(signer.sign("other bytes".getBytes()));
        List<Map<String, Object>> items = List.of(
                EPortalClient.item(idA, good, "補簽"),
                EPortalClient.item(idA, good, "補簽"),
                EPortalClient.item(idB, wrongDigest, "補簽"),
                EPortalClient.item(idB + 1_000_000, good, "補簽"),
                EPortalClient.item(idC, "garbage!", "補簽"));
        JsonNode answer = nurse.eportal().submit(nurse.deviceId(), items).path("result");
        assertEquals(1, answer.path("signed").asInt(), answer.toString());
        List<String> codes = new ArrayList<>();
        answer.path("items").forEach(i -> codes.add(i.path("code").asText()));
        assertTrue(codes.contains("MS-5008"), "duplicate: " + codes);
        assertTrue(codes.contains("MS-5019"), "signed other content, the record unchanged: " + codes);
        assertTrue(codes.contains("MS-5007"), "not pending: " + codes);
        assertTrue(codes.contains("MS-5009"), "garbage CMS: " + codes);

        JsonNode again = nurse.eportal().submit(nurse.deviceId(), List.of(EPortalClient.item(idA, good, "補簽"))).path("result");
        assertEquals("ALREADY_SIGNED", again.path("items").get(0).path("result").asText(), "a retry signs nothing twice");
        JsonNode other = nurse.eportal().submit(nurse.deviceId(), List.of(EPortalClient.item(idA, wrongDigest, "補簽")))
                .path("result");
        assertEquals("ALREADY_SIGNED", other.path("items").get(0).path("result").asText(), "a signed version stays signed once");
        long stored = 0;
        for (JsonNode s : nurse.eportal().signatures()) {
            stored += s.path("recordId").asLong() == idA ? 1 : 0;
        }
        assertEquals(1, stored, "one stored signature of the record");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 251; i++) {
            tooMany.add(EPortalClient.item(i + 1, good, null));
        }
        assertEquals("MS-5001", refusal(() -> nurse.eportal().submit(nurse.deviceId(), tooMany)));
    }
}
