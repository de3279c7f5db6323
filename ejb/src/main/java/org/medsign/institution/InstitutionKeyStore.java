package org.medsign.institution;

import org.medsign.credential.CertificateAuthority;
import org.medsign.credential.Pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The institution key in a PKCS#12 file: the hospital's own (from HCA), or a development one from our CA. */
final class InstitutionKeyStore {

    private static final String ALIAS = "institution";

    private InstitutionKeyStore() {
    }

    /** The first key entry of the file, whatever its alias: HCA's files name it as they like. */
    static InstitutionKey load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new InstitutionKey(Pki.asBouncyCastle((PrivateKey) store.getKey(alias, password)), chain.get(0),
                            List.copyOf(chain.subList(1, chain.size())));
                }
            }
            throw new IllegalStateException("The institution key store " + file + " holds no key");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the institution key store " + file + " (wrong password?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the institution key store " + file, e);
        }
    }

    /** A new EC P-256 key certified by our CA, saved to {@code file}: development and demonstrations only. */
    static InstitutionKey createDevelopment(Path file, char[] password, CertificateAuthority ca, String institutionCode,
                                            URI pkiBase) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Pki.BC);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = ca.certifyInstitution(pair.getPublic(), institutionCode, pkiBase);
            InstitutionKey key = new InstitutionKey(pair.getPrivate(), certificate, ca.keys().chain());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<Certificate> chain = new ArrayList<>(List.of(certificate));
            chain.addAll(key.chain());
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, chain.toArray(Certificate[]::new));
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the development institution key", e);
        }
    }
}
