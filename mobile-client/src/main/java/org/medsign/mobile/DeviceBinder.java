package org.medsign.mobile;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 線上綁定裝置 (M9): the phone makes its own device key, proves it holds it by signing
 * {@code "medsign-bind-v1\n<ticket>\n<hex SHA-256 of the DER public key>"}, and sends ticket, code, key and proof.
 */
public final class DeviceBinder {

    private final MedsignClient client;

    public DeviceBinder(MedsignClient client) {
        this.client = client;
    }

    public BoundDevice bind(TicketLink link, String code, KeyPair deviceKey, DeviceInfo info) {
        byte[] publicKey = deviceKey.getPublic().getEncoded();
        byte[] proof = DeviceKeyStore.sign(deviceKey.getPrivate(), proofMessage(link.ticket(), publicKey));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket", link.ticket());
        body.put("code", code);
        body.put("publicKey", Base64.getEncoder().encodeToString(publicKey));
        body.put("device", info);
        body.put("proof", Base64.getEncoder().encodeToString(proof));
        return client.post("api/v1/devices", body, BoundDevice.class);
    }

    public static byte[] proofMessage(String ticket, byte[] publicKey) {
        try {
            String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
            return ("medsign-bind-v1\n" + ticket + "\n" + fingerprint).getBytes(StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
