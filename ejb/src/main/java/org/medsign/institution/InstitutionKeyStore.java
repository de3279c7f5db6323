package org.medsign.institution;

import org.medsign.credential.CertificateAuthority;
import org.medsign.credential.KeyStoreFiles;
import org.medsign.credential.Pki;

import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
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
        try {
            KeyStore store = KeyStoreFiles.load(file, password);
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
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the institution key store " + file, e);
        }
    }

    /** A new EC P-256 key certified by our CA, saved to {@code file}: development and demonstrations only. */
    static InstitutionKey createDevelopment(Path file, char[] password, CertificateAuthority ca, String institutionCode,
                                            URI pkiBase) {
        try {
            KeyPair pair = Pki.newP256KeyPair();
            X509Certificate certificate = ca.certifyInstitution(pair.getPublic(), institutionCode, pkiBase);
            InstitutionKey key = new InstitutionKey(pair.getPrivate(), certificate, ca.keys().chain());
            List<Certificate> chain = new ArrayList<>(List.of(certificate));
            chain.addAll(key.chain());
            KeyStore store = KeyStoreFiles.newPkcs12();
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, chain.toArray(Certificate[]::new));
            KeyStoreFiles.save(file, store, password);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the development institution key", e);
        }
    }
}
