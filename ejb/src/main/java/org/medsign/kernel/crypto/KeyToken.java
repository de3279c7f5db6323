package org.medsign.kernel.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One key store, used by alias as a crypto token: a PKCS#12 file (development, small sites) or a PKCS#11 token (an HSM,
 * through the JDK's SunPKCS11). Private keys are read once and never handed out.
 */
final class KeyToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyStore store;
    private final Provider provider;
    private final char[] password;
    private final Path file;
    /** A key store someone else provides (an HSM, a hospital's PKCS#12): its keys are theirs to make. */
    private final boolean provided;
    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();
    /** A key made here waits in this map until its certificate chain arrives; a key store entry needs one. */
    private final Map<String, KeyPair> uncertified = new ConcurrentHashMap<>();

    private KeyToken(KeyStore store, Provider provider, char[] password, Path file, boolean provided) {
        this.store = store;
        this.provider = provider;
        this.password = password.clone();
        this.file = file;
        this.provided = provided;
    }

    /** The PKCS#12 file, or an empty one that {@link #save} will create. */
    static KeyToken pkcs12(Path file, char[] password) {
        try {
            KeyStore store = Files.exists(file) ? KeyStoreFiles.load(file, password) : KeyStoreFiles.newPkcs12();
            return new KeyToken(store, BouncyCastle.PROVIDER, password, file, false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key store " + file, e);
        }
    }

    /** A PKCS#12 file someone else made and keeps (a hospital's, from HCA): read, never written. */
    static KeyToken provided(Path file, char[] password) {
        try {
            return new KeyToken(KeyStoreFiles.load(file, password), BouncyCastle.PROVIDER, password, file, true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key store " + file, e);
        }
    }

    /** The token a SunPKCS11 configuration file names, logged in with {@code pin}. */
    static KeyToken pkcs11(Path config, char[] pin) {
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return new KeyToken(store, provider, pin, null, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the key token (wrong PIN?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key token", e);
        }
    }

    Provider provider() {
        return provider;
    }

    /** {@code alias}, or the first key entry's alias when it is {@code null}. */
    Optional<String> resolve(String alias) {
        try {
            if (alias != null) {
                return store.isKeyEntry(alias) ? Optional.of(alias) : Optional.empty();
            }
            return Collections.list(store.aliases()).stream().filter(this::isKey).sorted().findFirst();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isKey(String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The private key, read once; a software key as Bouncy Castle's own object (SunEC's signs about 3.5 times slower). */
    PrivateKey key(String alias) {
        return keys.computeIfAbsent(alias, a -> {
            try {
                PrivateKey key = (PrivateKey) store.getKey(a, password);
                if (key == null) {
                    throw new IllegalStateException("No key under " + a);
                }
                return provider == BouncyCastle.PROVIDER
                        ? KeyFactory.getInstance(key.getAlgorithm(), provider).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()))
                        : key;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot read the key " + a, e);
            }
        });
    }

    List<X509Certificate> chain(String alias) {
        try {
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null) {
                Certificate single = store.getCertificate(alias);
                chain = single == null ? new Certificate[0] : new Certificate[]{single};
            }
            List<X509Certificate> answer = new ArrayList<>();
            for (Certificate c : chain) {
                answer.add((X509Certificate) c);
            }
            return List.copyOf(answer);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new EC P-256 key under {@code alias}; it becomes an entry when {@link #certify} gives it its chain. */
    PublicKey newKey(String alias) {
        if (provided) {
            throw new IllegalStateException((file == null ? "The HSM" : "The key store " + file)
                    + " holds no key under '" + alias + "': provision it there");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            uncertified.put(alias, pair);
            keys.put(alias, pair.getPrivate());
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make an EC P-256 key", e);
        }
    }

    /** Stores the key made under {@code alias} with its chain (its own certificate first) and saves the file. */
    void certify(String alias, List<X509Certificate> chain) {
        KeyPair pair = uncertified.remove(alias);
        if (pair == null) {
            throw new IllegalStateException("No new key under " + alias);
        }
        try {
            store.setKeyEntry(alias, pair.getPrivate(), password, chain.toArray(Certificate[]::new));
            KeyStoreFiles.save(file, store, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store the key " + alias, e);
        }
    }

    /** Replaces the chain of the key under {@code alias}; the new certificate must carry the same public key. */
    void recertify(String alias, List<X509Certificate> chain) {
        if (!writable()) {
            throw new IllegalStateException((file == null ? "The HSM" : "The key store " + file) + " is not medsign's to write");
        }
        try {
            List<X509Certificate> current = chain(alias);
            if (current.isEmpty() || !java.util.Arrays.equals(current.get(0).getPublicKey().getEncoded(),
                    chain.get(0).getPublicKey().getEncoded())) {
                throw new IllegalStateException("The new certificate of " + alias + " is not for its key");
            }
            store.setKeyEntry(alias, store.getKey(alias, password), password, chain.toArray(Certificate[]::new));
            KeyStoreFiles.save(file, store, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store the new certificate of " + alias, e);
        }
    }

    boolean writable() {
        return !provided && file != null;
    }

    /** Keeps only the certificate of {@code alias}: a root whose key goes offline once it has certified the CA. */
    void retireKey(String alias, X509Certificate certificate) {
        try {
            uncertified.remove(alias);
            keys.remove(alias);
            if (store.containsAlias(alias)) {
                store.deleteEntry(alias);
            }
            store.setCertificateEntry(alias, certificate);
            KeyStoreFiles.save(file, store, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot retire the key " + alias, e);
        }
    }

    /**
     * A new EC P-256 key stored at once under {@code alias}, with a self-signed placeholder certificate (a key store
     * entry needs one): a CA key that waits, across restarts, for the certificate an offline root issues it.
     */
    PublicKey newStoredKey(String alias, String placeholderName) {
        PublicKey key = newKey(alias);
        try {
            java.time.Instant now = java.time.Instant.now();
            org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name(placeholderName);
            var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, java.math.BigInteger.ONE,
                    java.util.Date.from(now), java.util.Date.from(now.plus(java.time.Duration.ofDays(365))), name, key);
            var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(SignatureAlgorithms.forKey(key))
                    .setProvider(provider).build(keys.get(alias));
            X509Certificate placeholder = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                    .setProvider(BouncyCastle.PROVIDER).getCertificate(builder.build(signer));
            certify(alias, List.of(placeholder));
            return key;
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("Cannot keep the new key " + alias, e);
        }
    }

    /** Moves the key entry under {@code from} (key and chain) to {@code to}: a CA generation that retires. */
    void rename(String from, String to) {
        try {
            if (!store.isKeyEntry(from)) {
                throw new IllegalStateException("No key under " + from);
            }
            store.setKeyEntry(to, store.getKey(from, password), password, store.getCertificateChain(from));
            store.deleteEntry(from);
            keys.remove(from);
            keys.remove(to);
            KeyStoreFiles.save(file, store, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot move the key " + from + " to " + to, e);
        }
    }

    /** Drops the entry under {@code alias}, if any: a pending key that a new request replaces. */
    void delete(String alias) {
        try {
            keys.remove(alias);
            uncertified.remove(alias);
            if (store.containsAlias(alias)) {
                store.deleteEntry(alias);
                KeyStoreFiles.save(file, store, password);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot drop the key " + alias, e);
        }
    }

    /** The key entries whose alias starts with {@code prefix}, sorted. */
    List<String> aliases(String prefix) {
        try {
            return Collections.list(store.aliases()).stream().filter(a -> a.startsWith(prefix) && isKey(a)).sorted().toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the key under {@code alias}, with its certificate, to a PKCS#12 file of its own: the development root's custodian. */
    void export(String alias, X509Certificate certificate, Path target, char[] targetPassword) {
        try {
            KeyStore copy = KeyStoreFiles.newPkcs12();
            copy.setKeyEntry(alias, key(alias), targetPassword, new Certificate[]{certificate});
            KeyStoreFiles.save(target, copy, targetPassword);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot hand the key " + alias + " over", e);
        }
    }

    boolean holdsNewKey(String alias) {
        return uncertified.containsKey(alias);
    }
}
