package org.medsign.dev.hca;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The development HCA's files in the data directory: the two CA keys (PKCS#12, password in a 0600 file beside them),
 * their certificates (PEM), the published CRLs (DER), the register of issued cards, the CRL numbers, and the soft
 * cards ({@code cards/*.p12}, password = PIN). Files are replaced atomically, so the CRL servlet never reads half.
 */
final class DevCaStore {

    static final String ROOT_PEM = "hca-dev-root.pem";
    static final String CARD_CA_PEM = "hca-dev-card-ca.pem";
    static final String CARD_CRL = "hca-dev.crl";
    static final String ROOT_CRL = "hca-dev-root.crl";
    static final String ROOT_KEY = "root-key.p12";
    static final String CARD_CA_KEY = "card-ca-key.p12";
    private static final String REGISTER = "issued-cards.tsv";
    private static final String NUMBERS = "crl-numbers.properties";
    private static final String PASSWORD = "ca-key.password";

    /** A CA's key and certificate chain (own certificate first). */
    record Authority(PrivateKey key, X509Certificate[] chain) {
        X509Certificate certificate() {
            return chain[0];
        }
    }

    private final Path dir;

    DevCaStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    boolean exists() {
        return Files.exists(dir.resolve(CARD_CA_KEY)) && Files.exists(dir.resolve(ROOT_KEY));
    }

    void saveAuthority(String file, Authority authority) throws IOException, GeneralSecurityException {
        writeKeyStore(dir.resolve(file), "ca", authority.key(), authority.chain(), password());
    }

    Authority authority(String file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] password = password();
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            store.load(in, password);
        }
        Certificate[] chain = store.getCertificateChain("ca");
        X509Certificate[] x509 = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            x509[i] = (X509Certificate) chain[i];
        }
        return new Authority((PrivateKey) store.getKey("ca", password), x509);
    }

    /** A soft card as the card agent's pkcs12 back end reads it: one key entry "card" with its chain, password = PIN. */
    Path writeSoftCard(String file, PrivateKey key, X509Certificate[] chain, String pin)
            throws IOException, GeneralSecurityException {
        Path target = Files.createDirectories(dir.resolve("cards")).resolve(file);
        writeKeyStore(target, "card", key, chain, pin.toCharArray());
        return target;
    }

    Path softCard(String file) {
        return dir.resolve("cards").resolve(file);
    }

    void write(String file, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, file, ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    byte[] read(String file) throws IOException {
        return Files.readAllBytes(dir.resolve(file));
    }

    List<IssuedCard> cards() throws IOException {
        Path register = dir.resolve(REGISTER);
        List<IssuedCard> cards = new ArrayList<>();
        if (Files.exists(register)) {
            for (String line : Files.readAllLines(register, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    cards.add(IssuedCard.parse(line));
                }
            }
        }
        return cards;
    }

    void saveCards(List<IssuedCard> cards) throws IOException {
        StringBuilder text = new StringBuilder();
        cards.forEach(card -> text.append(card.line()).append('\n'));
        write(REGISTER, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The next number of a CRL series (cRLNumber must grow with every CRL the CA publishes). */
    long nextCrlNumber(String crl) throws IOException {
        Properties numbers = new Properties();
        Path file = dir.resolve(NUMBERS);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                numbers.load(in);
            }
        }
        long next = Long.parseLong(numbers.getProperty(crl, "0")) + 1;
        numbers.setProperty(crl, Long.toString(next));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        numbers.store(out, "CRL numbers of the development HCA");
        write(NUMBERS, out.toByteArray());
        return next;
    }

    private char[] password() throws IOException {
        Path file = dir.resolve(PASSWORD);
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file).strip().toCharArray();
    }

    private static void writeKeyStore(Path target, String alias, PrivateKey key, X509Certificate[] chain, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, password, chain);
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            store.store(out, password);
        }
        // the soft cards' "PIN" is public demo knowledge; the CA keys are not, whatever their password
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    }
}
