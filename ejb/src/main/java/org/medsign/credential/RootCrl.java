package org.medsign.credential;

import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

/**
 * The root's CRL of the CAs it certified (an authority revocation list): what validators check the Mobile Signing
 * CA's certificate against. Its number is its thisUpdate in seconds, so a later one (from the offline root) is larger.
 */
final class RootCrl {

    private RootCrl() {
    }

    /** An empty root CRL from {@code thisUpdate} to {@code nextUpdate}, for the root's key to sign. */
    static X509v2CRLBuilder builder(X509Certificate root, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(root, Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(thisUpdate.getEpochSecond())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
            return builder;
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot prepare the root's CRL", e);
        }
    }
}
