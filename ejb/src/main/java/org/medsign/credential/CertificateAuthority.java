package org.medsign.credential;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.kernel.crypto.KeyIdentities;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.net.URI;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The CA of the running server: its certificates, and the first start's development hierarchy when the kernel's key
 * ring holds no CA key yet (an HSM or a hospital's PKCS#12 brings its own). Issuing, CRL, OCSP and time-stamp
 * signatures are made by purpose through the key ring; no private key passes through here. On a cluster the first
 * node makes the development CA while it holds the CA's row in the database; the others find it in the shared key
 * directory, and a node whose key store holds another CA does not start ({@link KeyIdentities}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class CertificateAuthority {

    private static final Logger LOG = Logger.getLogger(CertificateAuthority.class.getName());
    private static final Duration INSTITUTION_VALIDITY = Duration.ofDays(365L * 5);

    @Inject
    @ConfigProperty(name = "medsign.ca.organisation", defaultValue = "medsign Demo Hospital")
    String organisation;

    /** The PKI's address written into certificates (CRL distribution points, OCSP, CA issuers), when set. */
    @Inject
    @ConfigProperty(name = "medsign.pki-url")
    Optional<String> pkiUrl;

    @Inject
    @ConfigProperty(name = "jboss.http.port", defaultValue = "8080")
    int httpPort;

    @Inject
    @ConfigProperty(name = "jboss.socket.binding.port-offset", defaultValue = "0")
    int portOffset;

    /**
     * Development and tests only: the "offline custodian" file (outside the key directory) that receives the
     * development root's key at bootstrap, so a CA rollover can be rehearsed with the dev module's offline-root tool.
     * Unset (production): the root's key is dropped.
     */
    @Inject
    @ConfigProperty(name = "medsign.dev.offline-root")
    Optional<String> offlineRoot;

    @Inject
    KeyRing ring;

    @Inject
    KeyIdentities identities;

    private volatile CaCertificates certificates;

    @PostConstruct
    void load() {
        identities.ensureOne(KeyIdentities.CA, () -> {
            if (!ring.has(KeyPurpose.ISSUE_CERTIFICATE)) {
                ring.reopen();
            }
            return ring.has(KeyPurpose.ISSUE_CERTIFICATE) ? ring.fingerprint(KeyPurpose.ISSUE_CERTIFICATE) : null;
        }, () -> {
            CaBootstrap.create(ring, organisation, pkiBase(), offlineRoot.filter(p -> !p.isBlank()).map(java.nio.file.Path::of));
            LOG.info("Created a development CA");
            return ring.fingerprint(KeyPurpose.ISSUE_CERTIFICATE);
        }, ring.caLocation());
        if (!ring.has(KeyPurpose.AUDIT_SEAL)) {
            CaBootstrap.createAuditSeal(ring, organisation);
            LOG.info("Gave the audit seal a key of its own");
        }
        PkiProfileUpgrade.complete(ring, organisation, pkiBase());
        certificates = read();
    }

    private CaCertificates read() {
        return new CaCertificates(ring.certificate(KeyPurpose.CERTIFY_CA), ring.certificate(KeyPurpose.ISSUE_CERTIFICATE),
                ring.certificate(KeyPurpose.SIGN_OCSP), ring.certificate(KeyPurpose.TIMESTAMP), IssuingCaRollover.retired(ring));
    }

    public CaCertificates certificates() {
        return certificates;
    }

    /**
     * TSA key rollover: a new key with a certificate from the issuing CA for as long as the first one had. Tokens made
     * before carry their own certificate, which the CA's CRL keeps covering. Only {@link TimeStampAuthority#rollKey}
     * calls it, while no token is being begun (public as a business method must be).
     */
    public synchronized X509Certificate rollTimestampKey() {
        if (!ring.writable(KeyPurpose.TIMESTAMP)) {
            throw new IllegalStateException("The TSA's key store is not medsign's to write: provision the new key there");
        }
        try {
            Instant now = Instant.now();
            PublicKey key = ring.newKey(KeyPurpose.TIMESTAMP);
            java.util.List<X509Certificate> chain = new java.util.ArrayList<>(java.util.List.of(
                    CaBootstrap.tsaCertificate(ring, organisation, pkiBase(), key, now, now.plus(CaBootstrap.TSA_VALIDITY))));
            chain.addAll(ring.chain(KeyPurpose.ISSUE_CERTIFICATE));
            ring.certified(KeyPurpose.TIMESTAMP, chain);
            certificates = read();
            LOG.info("Rolled the TSA over to a new key, certificate " + chain.get(0).getSerialNumber().toString(16));
            return chain.get(0);
        } catch (java.security.GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("Cannot roll the TSA's key over", e);
        }
    }

    /** Whether a new issuing CA key waits for the root's certificate. */
    public boolean caRolloverPending() {
        return ring.has(KeyPurpose.PENDING_CA);
    }

    /**
     * The first step of an issuing CA rollover: a new key in the CA's key store (made now unless one waits) and its
     * PKCS#10 request (DER) for the offline root. Nothing changes for issuance until {@link #importCaCertificate}.
     * Only {@link CaRollover} calls it (public as a business method must be).
     */
    public synchronized byte[] caRolloverRequest() {
        if (!ring.writable(KeyPurpose.ISSUE_CERTIFICATE)) {
            throw new org.medsign.error.MedsignException(org.medsign.error.ErrorCode.CA_KEY_STORE_NOT_WRITABLE);
        }
        return IssuingCaRollover.request(ring, organisation);
    }

    /**
     * The last step: the root's certificate for the pending key, checked ({@link CaCertificateImport}, coded
     * refusals), becomes the issuing CA's; the key before it retires as its generation and keeps signing that
     * generation's CRL and OCSP answers. The new generation gets its own OCSP responder here, and its own TSA key
     * from {@link CaRollover} right after (through the TSA, which no stamper may use meanwhile), so that new evidence
     * does not depend on the retired key. A root CRL given with the certificate replaces the kept one.
     */
    public synchronized CaGeneration importCaCertificate(byte[] upload) {
        if (!ring.has(KeyPurpose.PENDING_CA)) {
            throw new org.medsign.error.MedsignException(org.medsign.error.ErrorCode.CA_ROLLOVER_NOT_STARTED);
        }
        CaCertificateImport imported = CaCertificateImport.read(upload);
        Instant now = Instant.now();
        imported.check(ring.certificate(KeyPurpose.PENDING_CA).getPublicKey(), certificates.root(), now,
                CaBootstrap.TSA_VALIDITY);
        String before = ring.fingerprint(KeyPurpose.ISSUE_CERTIFICATE);
        try {
            ring.promotePendingCa(List.of(imported.certificate(), certificates.root()), certificates.generation());
            imported.rootCrl().ifPresent(crl -> {
                try {
                    ring.keepRootCrl(crl.getEncoded());
                } catch (java.security.cert.CRLException e) {
                    throw new IllegalStateException(e);
                }
            });
            CaBootstrap.certifyOcspResponder(ring, organisation, now);
            certificates = read();
            identities.replace(KeyIdentities.CA, before, ring.fingerprint(KeyPurpose.ISSUE_CERTIFICATE));
        } catch (java.security.GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("Cannot switch to the new CA key", e);
        }
        LOG.info("Rolled the issuing CA over to generation " + certificates.generation() + ", certificate "
                + imported.certificate().getSerialNumber().toString(16));
        return certificates.current();
    }

    /**
     * The retired generations the root's CRL newly revokes, once it is checked ({@link RootCrlImport}). Only
     * {@link CaCompromise} calls it (public as a business method must be).
     */
    public List<RootCrlImport.RevokedGeneration> checkRootCrl(RootCrlImport imported) {
        return imported.check(certificates, ring.rootCrl());
    }

    /** Keeps a checked root CRL: served at /pki/mobile/root.crl and put into long-term evidence from now on. */
    public synchronized void keepRootCrl(RootCrlImport imported) {
        ring.keepRootCrl(imported.encoded());
    }

    /**
     * Where certificates made without a request (the CA's own, the TSA's, the institution's) send relying parties:
     * {@code medsign.pki-url}, else this server on WildFly's HTTP port. Plain HTTP, as RFC 5280 clients expect.
     */
    public URI pkiBase() {
        return pkiUrl.filter(s -> !s.isBlank()).map(s -> URI.create(s.replaceFirst("/+$", "")))
                .orElseGet(() -> URI.create("http://localhost:" + (httpPort + portOffset) + "/medsign"));
    }

    /** The root's latest CRL of the CAs it certified, as the root signed it; empty when none is kept. */
    public Optional<byte[]> rootCrl() {
        return ring.rootCrl();
    }

    public String organisation() {
        return organisation;
    }

    /**
     * A development institution certificate (醫事機構憑證) for the hospital's own key, from the issuing CA. A hospital
     * in production brings the one the Ministry's HCA issued it instead.
     */
    public X509Certificate certifyInstitution(PublicKey key, String institutionCode, URI pkiBase) {
        Instant now = Instant.now();
        return CertificateProfile.issue(ring, CertificateProfile.institutionSubject(organisation, institutionCode), key,
                Pki.randomSerial(), now, now.plus(INSTITUTION_VALIDITY), pkiBase);
    }

    /**
     * The institution certificate in the key ring, when this CA issued it (the development one): it is no person's,
     * so the registry does not list it, yet the OCSP responder answers for it. A hospital's own, from the Ministry's
     * HCA, is empty here: its revocation is the HCA's to state.
     */
    public Optional<X509Certificate> institutionCertificate() {
        if (!ring.has(KeyPurpose.INSTITUTION_SIGNATURE)) {
            return Optional.empty();
        }
        List<X509Certificate> chain = ring.chain(KeyPurpose.INSTITUTION_SIGNATURE);
        return certificates.generations().stream().map(g -> issuedBy(chain, g.issuing())).flatMap(Optional::stream)
                .findFirst();
    }

    /** The chain's own certificate, if {@code issuing} signed it (a name alone could be another CA's). */
    static Optional<X509Certificate> issuedBy(List<X509Certificate> chain, X509Certificate issuing) {
        if (chain.isEmpty() || !chain.get(0).getIssuerX500Principal().equals(issuing.getSubjectX500Principal())) {
            return Optional.empty();
        }
        try {
            chain.get(0).verify(issuing.getPublicKey());
            return Optional.of(chain.get(0));
        } catch (java.security.GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
