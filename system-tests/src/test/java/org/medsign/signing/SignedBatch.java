package org.medsign.signing;

import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.CmsSigner;
import org.medsign.mobile.EPortalClient;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch signed on the phone, ready to send (and send again): for tests that sign first and send later, when the
 * server is killed or the HIS is gone.
 */
public final class SignedBatch {

    private SignedBatch() {
    }

    /** The records in this order, each signed over the bytes the server shows for it now. */
    public static Map<String, Object> of(CredentialFixture.Signer nurse, List<Long> ids) {
        EPortalClient eportal = nurse.eportal();
        CmsSigner signer = nurse.cms();
        List<Map<String, Object>> items = new ArrayList<>();
        for (long id : ids) {
            byte[] canonical = Base64.getDecoder().decode(eportal.record(id).path("canonical").asText());
            items.add(EPortalClient.item(id, Base64.getEncoder().encodeToString(signer.sign(canonical)), null));
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("batchId", UUID.randomUUID().toString());
        batch.put("deviceId", nurse.deviceId());
        batch.put("items", items);
        return batch;
    }
}
