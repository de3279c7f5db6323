package org.medsign.credential;

/**
 * 憑證申請 on the phone (M15–M16): the ticket from the QR, the typed code, the PKCS#10 request for a key the
 * phone generated itself, and the chosen device's signature (by its device key) over
 * {@code "medsign-enrol-v1\n<ticket>\n<hex SHA-256 of the DER CSR>"}.
 */
public record EnrolRequest(String ticket, String code, String csr, String deviceId, String deviceSignature) {
}
