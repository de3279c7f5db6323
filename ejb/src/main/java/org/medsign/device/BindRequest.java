package org.medsign.device;

/**
 * 線上綁定裝置 (M9) as the phone sends it: the ticket from the QR, the typed code, the device's own public key
 * (base64 DER SubjectPublicKeyInfo), what the phone says about itself, and the proof of possession
 * (a signature by the device key over {@link DeviceKey#bindingProofMessage}).
 */
public record BindRequest(String ticket, String code, String publicKey, DeviceInfo device, String proof) {
}
