package org.medsign.credential;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CA's certificates: the root, the issuing "Mobile Signing CA", the delegated OCSP responder and the time-stamping
 * authority, and the issuing CAs retired by rollovers (oldest first), whose certificates still verify and whose
 * revocation status medsign still publishes. What relying parties and verifiers need; the keys stay in the kernel's
 * key ring.
 */
public record CaCertificates(X509Certificate root, X509Certificate issuing, X509Certificate ocsp, X509Certificate tsa,
                             List<CaGeneration> retired) {

    public CaCertificates {
        retired = List.copyOf(retired);
    }

    public CaCertificates(X509Certificate root, X509Certificate issuing, X509Certificate ocsp, X509Certificate tsa) {
        this(root, issuing, ocsp, tsa, List.of());
    }

    /** The chain a relying party needs above an end-entity certificate the current CA issues: issuing CA, then root. */
    public List<X509Certificate> chain() {
        return List.of(issuing, root);
    }

    /** The current generation's number (1 until the first rollover). */
    public int generation() {
        return retired.size() + 1;
    }

    public CaGeneration current() {
        return new CaGeneration(generation(), issuing, ocsp);
    }

    /** Every generation, the current one first. */
    public List<CaGeneration> generations() {
        List<CaGeneration> all = new ArrayList<>(List.of(current()));
        for (int i = retired.size() - 1; i >= 0; i--) {
            all.add(retired.get(i));
        }
        return all;
    }

    /** The generation whose CA signed {@code certificate}, if one of medsign's did. */
    public Optional<CaGeneration> issuerOf(X509Certificate certificate) {
        return generations().stream().filter(g -> g.issued(certificate)).findFirst();
    }

    /** The generation numbered {@code number}, if there is one. */
    public Optional<CaGeneration> generation(int number) {
        return generations().stream().filter(g -> g.number() == number).findFirst();
    }

    /** Every issuing CA's and OCSP responder's certificate, and the root's: what a validator may need. */
    public List<X509Certificate> all() {
        List<X509Certificate> all = new ArrayList<>();
        for (CaGeneration g : generations()) {
            all.add(g.issuing());
            all.add(g.ocsp());
        }
        all.add(root);
        return all;
    }
}
