package org.medsign.mobile;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The E Portal app against the API: bind the device (M19), list and read pending records (M22), refresh (M24),
 * and sign a batch (M23), with the signing key opened once per batch.
 */
public final class EPortalClient {

    /** How often the app sends a batch that got no answer, and how long it waits between: a balancer's failover. */
    static final int SEND_ATTEMPTS = 3;
    static final Duration SEND_PAUSE = Duration.ofSeconds(2);

    private final MedsignClient api;

    public EPortalClient(MedsignClient api) {
        this.api = api;
    }

    public JsonNode bind(String employeeNumber, String deviceId, PrivateKey deviceKey) {
        byte[] message = ("medsign-eportal-v1\n" + employeeNumber + "\n" + deviceId).getBytes(StandardCharsets.UTF_8);
        return api.postJson("api/v1/eportal/bindings", Map.of("deviceId", deviceId,
                "deviceSignature", Base64.getEncoder().encodeToString(DeviceKeyStore.sign(deviceKey, message))));
    }

    /** Up to 250 pending records, newest first; with the bytes to sign when {@code content}. */
    public JsonNode pending(boolean content) {
        return pending(0, 250, content);
    }

    /** One page of the pending records, newest first. */
    public JsonNode pending(int page, int size, boolean content) {
        return api.getJson("api/v1/pending?page=" + page + "&size=" + size + "&content=" + content);
    }

    public JsonNode record(long id) {
        return api.getJson("api/v1/pending/" + id);
    }

    public JsonNode refresh() {
        return api.postJson("api/v1/pending/refresh", Map.of());
    }

    /** Signs the listed items (all pending ones when {@code only} is empty) and sends them as one batch. */
    public JsonNode signPending(String deviceId, CmsSigner signer, List<Long> only, String delayReason) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode item : pending(true).path("items")) {
            long id = item.path("record").path("recordId").asLong();
            if (!only.isEmpty() && !only.contains(id)) {
                continue;
            }
            byte[] canonical = Base64.getDecoder().decode(item.path("canonical").asText());
            String digest = DeviceKeyStore.sha256Hex(canonical);
            if (!digest.equals(item.path("record").path("digest").asText())) {
                throw new IllegalStateException("Record " + id + ": the bytes do not match the listed digest");
            }
            items.add(item(id, Base64.getEncoder().encodeToString(signer.sign(canonical)), delayReason));
        }
        return submit(deviceId, items);
    }

    /**
     * Sends already made signatures (e.g. a CMS file made by openssl) as one batch; sent again, as the same batch, when
     * no answer came (a node died under it: {@link #deliver}).
     */
    public JsonNode submit(String deviceId, List<Map<String, Object>> items) {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("batchId", UUID.randomUUID().toString());
        batch.put("deviceId", deviceId);
        batch.put("items", items);
        return deliver(batch, SEND_ATTEMPTS, SEND_PAUSE).answer();
    }

    public JsonNode resubmit(Map<String, Object> batch) {
        return api.postJson("api/v1/signatures", batch);
    }

    /**
     * Sends a signed batch until the server answers, as the app does when a node dies under it: the same batch (same
     * batchId) again, up to {@code attempts} times {@code pause} apart, while no answer comes ({@link
     * NoAnswerException}); the server stores each record once however often it got it. A coded refusal is an answer.
     */
    public Delivery deliver(Map<String, Object> batch, int attempts, Duration pause) {
        return deliver(batch, attempts, pause, () -> { });
    }

    /** The same, running {@code beforeRepeat} just before each repeat (the app shows that it sends again). */
    public Delivery deliver(Map<String, Object> batch, int attempts, Duration pause, Runnable beforeRepeat) {
        List<String> unanswered = new ArrayList<>();
        while (true) {
            try {
                return new Delivery(resubmit(batch), unanswered);
            } catch (NoAnswerException e) {
                unanswered.add(e.getMessage());
                if (unanswered.size() >= attempts) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            beforeRepeat.run();
        }
    }

    /** The server's answer to a batch, and why each earlier sending of it got none. */
    public record Delivery(JsonNode answer, List<String> unanswered) {

        public int attempts() {
            return unanswered.size() + 1;
        }
    }

    /** My stored signatures, newest first. */
    public JsonNode signatures() {
        return api.getJson("api/v1/signatures");
    }

    /** The server re-verifies one stored signature and answers with its report. */
    public JsonNode verification(long signatureId) {
        return api.getJson("api/v1/signatures/" + signatureId + "/verification");
    }

    /** The report as of a validation time (an ISO-8601 instant or a date). */
    public JsonNode verification(long signatureId, String asOf) {
        return api.getJson("api/v1/signatures/" + signatureId + "/verification?asOf="
                + java.net.URLEncoder.encode(asOf, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A stored signature's CMS (CAdES-T), DER. */
    public byte[] storedCms(long signatureId) {
        return Base64.getDecoder().decode(api.getJson("api/v1/signatures/" + signatureId + "/cms").path("cms").asText());
    }

    public static Map<String, Object> item(long recordId, String cmsBase64, String delayReason) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("recordId", recordId);
        item.put("cms", cmsBase64);
        if (delayReason != null) {
            item.put("delayReason", delayReason);
        }
        return item;
    }
}
