package org.medsign.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * Where the CA keys live: a PKCS#12 file (development, small sites) or a PKCS#11 token (HSM) through the
 * JDK's SunPKCS11, under the aliases root (certificate only), issuing, ocsp and tsa.
 */
final class CaKeyStore {

    static final String ROOT = "root";
    static final String ISSUING = "issuing";
    static final String OCSP = "ocsp";
    static final String TSA = "tsa";

    private CaKeyStore() {
    }

    static void save(Path file, char[] password, CaKeys keys) {
        try {
            KeyStore store = KeyStoreFiles.newPkcs12();
            store.setCertificateEntry(ROOT, keys.root());
            store.setKeyEntry(ISSUING, keys.issuingKey(), password, new Certificate[]{keys.issuing(), keys.root()});
            store.setKeyEntry(OCSP, keys.ocspKey(), password, new Certificate[]{keys.ocsp(), keys.issuing(), keys.root()});
            store.setKeyEntry(TSA, keys.tsaKey(), password, new Certificate[]{keys.tsa(), keys.issuing(), keys.root()});
            KeyStoreFiles.save(file, store, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot save the CA key store", e);
        }
    }

    static CaKeys loadPkcs12(Path file, char[] password) {
        try {
            return read(KeyStoreFiles.load(file, password), password, Pki.BC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the CA key store " + file, e);
        }
    }

    /** The CA keys in an HSM: {@code config} is a SunPKCS11 configuration file, {@code pin} the token's user PIN. */
    static CaKeys loadPkcs11(Path config, char[] pin) {
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return read(store, pin, provider);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the CA token (wrong PIN?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the CA keys from the token", e);
        }
    }

    private static CaKeys read(KeyStore store, char[] password, Provider signer) throws GeneralSecurityException {
        return new CaKeys((X509Certificate) store.getCertificate(ROOT),
                key(store, ISSUING, password, signer), (X509Certificate) store.getCertificate(ISSUING),
                key(store, OCSP, password, signer), (X509Certificate) store.getCertificate(OCSP),
                key(store, TSA, password, signer), (X509Certificate) store.getCertificate(TSA), signer);
    }

    /** A software key as Bouncy Castle's own key object (it signs with it); a token's key stays in the token. */
    private static PrivateKey key(KeyStore store, String alias, char[] password, Provider signer)
            throws GeneralSecurityException {
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        return signer == Pki.BC ? Pki.asBouncyCastle(key) : key;
    }
}
