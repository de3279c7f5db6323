package org.medsign.credential;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.medsign.device.DeviceKey;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.crypto.BouncyCastle;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * Reads the phone's PKCS#10 request (base64 DER, or PEM as {@code openssl req} writes it) and checks it:
 * its own signature proves the phone holds the key; the key is EC P-256 or RSA of 2048 bits or more;
 * the subject is empty or {@code CN=<employee number>} — the CA writes the real subject from the staff record.
 */
final class CsrCheck {

    private static final int MAX_BYTES = 16 * 1024;

    private CsrCheck() {
    }

    static CheckedCsr check(String csr, String employeeNumber) {
        JcaPKCS10CertificationRequest request = parse(csr);
        PublicKey key;
        try {
            key = request.getPublicKey();
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(key))) {
                throw new MedsignException(ErrorCode.CSR_INVALID, "signature");
            }
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | IllegalArgumentException e) {
            throw new MedsignException(ErrorCode.CSR_INVALID, "signature");
        }
        DeviceKey rules;
        try {
            rules = DeviceKey.parse(Base64.getEncoder().encodeToString(key.getEncoded()));
        } catch (MedsignException e) {
            throw new MedsignException(ErrorCode.SIGNING_KEY_REFUSED, e.arguments().length > 0 ? e.arguments()[0] : "type");
        }
        X500Name subject = request.getSubject();
        if (subject.getRDNs().length > 0 && !subject.equals(new X500Name("CN=" + employeeNumber))) {
            throw new MedsignException(ErrorCode.CSR_SUBJECT_REFUSED);
        }
        try {
            return new CheckedCsr(key, rules.description(), rules.fingerprint(), request.getEncoded());
        } catch (IOException e) {
            throw new MedsignException(ErrorCode.CSR_INVALID, "encoding");
        }
    }

    private static JcaPKCS10CertificationRequest parse(String csr) {
        if (csr == null || csr.length() > MAX_BYTES * 2) {
            throw new MedsignException(ErrorCode.CSR_INVALID, "size");
        }
        String base64 = csr.replaceAll("-----(BEGIN|END) (NEW )?CERTIFICATE REQUEST-----", "").replaceAll("\\s", "");
        try {
            return new JcaPKCS10CertificationRequest(Base64.getDecoder().decode(base64)).setProvider(BouncyCastle.PROVIDER);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new MedsignException(ErrorCode.CSR_INVALID, "encoding");
        }
    }
}
