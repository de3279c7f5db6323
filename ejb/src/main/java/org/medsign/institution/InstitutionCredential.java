package org.medsign.institution;

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
import org.medsign.credential.CertificateAuthority;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.net.URI;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Whether the hospital signs overdue records with its institution certificate ({@code medsign.institution.signing},
 * off by default), and the key it signs with: {@code medsign.institution.keystore} (PKCS#12, its password
 * {@code medsign.institution.keystore-password} from the credential store) or, without one, a development key
 * certified by our CA and kept in the server's data directory; the kernel's key ring holds the key either way. Loaded at
 * start, so a wrong file fails early.
 */
@Singleton
@Startup
@DependsOn("CertificateAuthority")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class InstitutionCredential {

    private static final Logger LOG = Logger.getLogger(InstitutionCredential.class.getName());

    @Inject
    @ConfigProperty(name = "medsign.institution.signing", defaultValue = "false")
    boolean enabled;

    /** 醫事機構代碼, the hospital's ten-digit code at the NHI administration: the development certificate's serialNumber. */
    @Inject
    @ConfigProperty(name = "medsign.institution.code", defaultValue = "0000000000")
    String institutionCode;

    @Inject
    @ConfigProperty(name = "medsign.public-url", defaultValue = "http://localhost:8080/medsign")
    String publicUrl;

    @Inject
    CertificateAuthority ca;

    @Inject
    KeyRing ring;

    private volatile List<X509Certificate> chain;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        if (!ring.has(KeyPurpose.INSTITUTION_SIGNATURE)) {
            // the key ring refuses to make a key into a hospital's own key store
            PublicKey key = ring.newKey(KeyPurpose.INSTITUTION_SIGNATURE);
            List<X509Certificate> made = new ArrayList<>(List.of(
                    ca.certifyInstitution(key, institutionCode, URI.create(publicUrl))));
            made.addAll(ca.certificates().chain());
            ring.certified(KeyPurpose.INSTITUTION_SIGNATURE, made);
            LOG.info("Made a development institution key and certificate");
        }
        chain = ring.chain(KeyPurpose.INSTITUTION_SIGNATURE);
        LOG.info(() -> "Institution signing is on, with " + chain.get(0).getSubjectX500Principal());
    }

    public boolean enabled() {
        return enabled;
    }

    /** The institution certificate and the chain above it, when institution signing is on. */
    public Optional<List<X509Certificate>> chain() {
        return Optional.ofNullable(chain);
    }
}
