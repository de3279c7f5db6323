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

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Holds the CA keys for the running server. With {@code medsign.ca.pkcs11-config} they come from an HSM;
 * otherwise from a PKCS#12 file, created with a development hierarchy on first start. The key store password
 * is {@code medsign.ca.keystore-password} (production: an expression resolved from WildFly's credential store);
 * without it a random one is kept in a file beside the key store, readable by the server's user only.
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
    @ConfigProperty(name = "medsign.ca.pkcs11-config")
    Optional<String> pkcs11Config;

    @Inject
    @ConfigProperty(name = "medsign.ca.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "medsign.ca.keystore-password")
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = "medsign.ca.organisation", defaultValue = "medsign Demo Hospital")
    String organisation;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir", defaultValue = "target")
    String dataDir;

    private volatile CaKeys keys;

    @PostConstruct
    void load() {
        if (pkcs11Config.filter(s -> !s.isBlank()).isPresent()) {
            keys = CaKeyStore.loadPkcs11(Path.of(pkcs11Config.get()), password(null));
            LOG.info("CA keys loaded from the PKCS#11 token");
            return;
        }
        Path file = Path.of(keystore.orElse(Path.of(dataDir, "medsign", "ca", "mobile-ca.p12").toString()));
        char[] password = password(file.resolveSibling(file.getFileName() + ".password"));
        if (Files.exists(file)) {
            keys = CaKeyStore.loadPkcs12(file, password);
        } else {
            keys = CaBootstrap.create(organisation);
            CaKeyStore.save(file, password, keys);
            LOG.info(() -> "Created a development CA in " + file);
        }
    }

    public CaKeys keys() {
        return keys;
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
        return CertificateProfile.issue(keys, CertificateProfile.institutionSubject(organisation, institutionCode), key,
                Pki.randomSerial(), now, now.plus(INSTITUTION_VALIDITY), pkiBase);
    }

    private char[] password(Path generatedFile) {
        if (keystorePassword.filter(s -> !s.isBlank()).isPresent()) {
            return keystorePassword.get().toCharArray();
        }
        if (generatedFile == null) {
            throw new IllegalStateException("medsign.ca.keystore-password (the token PIN) is required with an HSM");
        }
        return KeyStoreFiles.generatedPassword(generatedFile);
    }
}
