package org.medsign.signing.evidence;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.medsign.credential.CaCertificates;
import org.medsign.kernel.crypto.BouncyCastle;

import java.security.cert.X509Certificate;

/**
 * A timestamp token's own TSA certificate, checked: the TSA's key has been rolled over since older tokens were made,
 * so each is verified with the certificate it carries (Bouncy Castle checks that it is the one the token names, valid
 * at the token's time, for time-stamping), provided medsign's issuing CA (any generation) signed that certificate.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** The certificate the token verifies with, or null if it does not verify with one of medsign's CA. */
    static X509Certificate certificate(TimeStampToken token, CaCertificates ca) {
        try {
            X509Certificate tsa = ca.tsa();
            var carried = token.getCertificates().getMatches(token.getSID());
            if (!carried.isEmpty()) {
                tsa = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                        .getCertificate((X509CertificateHolder) carried.iterator().next());
            }
            if (ca.issuerOf(tsa).isEmpty()) {
                return null;
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(tsa));
            return tsa;
        } catch (Exception e) {
            return null;
        }
    }
}
