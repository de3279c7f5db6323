package org.medsign.dev.hca;

import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.medsign.dev.hca.DevCaStore.Authority;
import org.medsign.kernel.crypto.BouncyCastle;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * CRLs as a CA publishes them: DER, v2, with a growing cRLNumber and the authorityKeyIdentifier, valid for
 * {@link #VALIDITY} (the development HCA republishes daily, so a running demo never meets a stale CRL).
 */
final class DevCrls {

    static final Duration VALIDITY = Duration.ofDays(7);

    private DevCrls() {
    }

    static X509CRL crl(Authority issuer, long number, Instant thisUpdate, List<IssuedCard> revoked)
            throws GeneralSecurityException {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer.certificate(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(VALIDITY)));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.certificate()));
            for (IssuedCard card : revoked) {
                builder.addCRLEntry(new BigInteger(card.serialHex(), 16), Date.from(card.revokedAt()), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCRL(builder.build(DevCertificates.signer(issuer.key())));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
