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
import org.medsign.credential.KeyStoreFiles;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Whether the hospital signs overdue records with its institution certificate ({@code medsign.institution.signing},
 * off by default), and the key it signs with: {@code medsign.institution.keystore} (PKCS#12, its password
 * {@code medsign.institution.keystore-password} from the credential store) or, without one, a development key
 * certified by our CA and kept in the server's data directory. Loaded at start, so a wrong file fails early.
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

    @Inject
    @ConfigProperty(name = "medsign.institution.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "medsign.institution.keystore-password")
    Optional<String> keystorePassword;

    /** 醫事機構代碼, the hospital's ten-digit code at the NHI administration: the development certificate's serialNumber. */
    @Inject
    @ConfigProperty(name = "medsign.institution.code", defaultValue = "0000000000")
    String institutionCode;

    @Inject
    @ConfigProperty(name = "medsign.public-url", defaultValue = "http://localhost:8080/medsign")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir", defaultValue = "target")
    String dataDir;

    @Inject
    CertificateAuthority ca;

    private volatile InstitutionKey key;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        if (keystore.filter(s -> !s.isBlank()).isPresent()) {
            Path file = Path.of(keystore.get());
            key = InstitutionKeyStore.load(file, keystorePassword.orElseThrow(() -> new IllegalStateException(
                    "medsign.institution.keystore-password is required with medsign.institution.keystore")).toCharArray());
            LOG.info(() -> "Institution signing is on, with " + key.certificate().getSubjectX500Principal());
            return;
        }
        Path file = Path.of(dataDir, "medsign", "institution", "institution.p12");
        char[] password = KeyStoreFiles.generatedPassword(file.resolveSibling("institution.p12.password"));
        key = Files.exists(file) ? InstitutionKeyStore.load(file, password)
                : InstitutionKeyStore.createDevelopment(file, password, ca, institutionCode, URI.create(publicUrl));
        LOG.info(() -> "Institution signing is on, with the development certificate in " + file);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The key, when institution signing is on. */
    public Optional<InstitutionKey> key() {
        return Optional.ofNullable(key);
    }
}
