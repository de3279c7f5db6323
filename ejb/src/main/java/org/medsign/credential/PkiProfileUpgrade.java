package org.medsign.credential;

import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Brings a CA key store from before certificates named their revocation status up to the current profile. The TSA's
 * key gets a new certificate from the issuing CA with a CRL distribution point (same key, same end of validity: its
 * earlier tokens carry the old certificate and still verify). The issuing CA's own certificate can only be remade by
 * the root, whose key is offline: it is reported, and outside validators find no revocation status for it until the
 * hospital installs one from the root (with the root's CRL in {@code medsign.ca.root-crl}).
 */
final class PkiProfileUpgrade {

    private static final Logger LOG = Logger.getLogger(PkiProfileUpgrade.class.getName());

    private PkiProfileUpgrade() {
    }

    static void complete(KeyRing ring, String organisation, URI pkiBase) {
        List<X509Certificate> tsa = ring.chain(KeyPurpose.TIMESTAMP);
        if (!tsa.isEmpty() && !PkiExtensions.namesItsCrl(tsa.get(0)) && ring.writable(KeyPurpose.TIMESTAMP)) {
            try {
                List<X509Certificate> chain = new ArrayList<>(List.of(CaBootstrap.tsaCertificate(ring, organisation, pkiBase,
                        tsa.get(0).getPublicKey(), Instant.now(), tsa.get(0).getNotAfter().toInstant())));
                chain.addAll(ring.chain(KeyPurpose.ISSUE_CERTIFICATE));
                ring.recertified(KeyPurpose.TIMESTAMP, chain);
                LOG.info("Gave the TSA's key a certificate that names the CA's CRL");
            } catch (Exception e) {
                throw new IllegalStateException("Cannot renew the TSA's certificate", e);
            }
        }
        if (!PkiExtensions.namesItsCrl(ring.certificate(KeyPurpose.ISSUE_CERTIFICATE))) {
            LOG.warning("The Mobile Signing CA's certificate names no CRL distribution point: outside validators find no "
                    + "revocation status for it. A certificate from the root that names one, and the root's CRL, fix it");
        }
        if (ring.rootCrl().isEmpty()) {
            LOG.warning("No CRL of the root is kept (medsign.ca.root-crl): validators cannot check the Mobile Signing CA");
        }
    }
}
