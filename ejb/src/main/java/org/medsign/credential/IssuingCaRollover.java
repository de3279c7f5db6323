package org.medsign.credential;

import org.bouncycastle.asn1.x500.X500Name;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The key ring's side of an issuing CA rollover: the generations it holds, the pending key's request (PKCS#10, for
 * the offline root) and the switch once the root's certificate has been checked ({@link CaCertificateImport}). The
 * retired key and its OCSP responder stay, to sign the CRL and the answers for the certificates they issued; the new
 * generation gets a new OCSP responder and a new TSA, so that neither depends on the retired key.
 */
final class IssuingCaRollover {

    private IssuingCaRollover() {
    }

    /** The current generation's number: one more than the retired ones. */
    static int generation(KeyRing ring) {
        return ring.retiredChains(KeyPurpose.ISSUE_CERTIFICATE).size() + 1;
    }

    /** The retired generations, oldest first, each with the OCSP responder it certified. */
    static List<CaGeneration> retired(KeyRing ring) {
        List<List<X509Certificate>> issuing = ring.retiredChains(KeyPurpose.ISSUE_CERTIFICATE);
        List<CaGeneration> retired = new ArrayList<>();
        for (int i = 0; i < issuing.size(); i++) {
            X509Certificate ca = issuing.get(i).get(0);
            retired.add(new CaGeneration(i + 1, ca, ring.ocspResponder(ca)));
        }
        return retired;
    }

    /** The next generation's subject: the same CA name with its generation, so no two keys share a name. */
    static X500Name nextSubject(KeyRing ring, String organisation) {
        return CaBootstrap.name("medsign Mobile Signing CA G" + (generation(ring) + 1), organisation);
    }

    /** The request for the pending key, made now if none waits (DER). */
    static byte[] request(KeyRing ring, String organisation) {
        X500Name subject = nextSubject(ring, organisation);
        if (!ring.has(KeyPurpose.PENDING_CA)) {
            ring.newPendingCaKey("CN=pending " + subject);
        }
        return ring.pendingCaRequest(subject);
    }
}
