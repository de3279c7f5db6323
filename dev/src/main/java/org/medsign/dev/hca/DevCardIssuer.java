package org.medsign.dev.hca;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.medsign.dev.hca.DevCaStore.Authority;
import org.medsign.card.validation.CardCertificates;
import org.medsign.card.validation.CardValidation;
import org.medsign.dev.staff.DemoPeople;
import org.medsign.staff.NewStaffMember;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The development HCA's work on its files: creating the CAs and the demo cards, issuing, revoking, publishing.
 * The demo set: one card per demo person ({@code cards/<employee number>.p12}; AU0001's names no holder
 * identifier and is linked by IT's table), {@code nobody.p12} (a person not in the directory),
 * {@code N0002-expired.p12} and {@code N0003-revoked.p12}. Every soft card's PIN is {@link DevHcaSettings#SOFT_CARD_PIN}.
 */
@ApplicationScoped
public class DevCardIssuer {

    static final String UNKNOWN_PERSON = "nobody";
    /** Demo holders whose card certificate names nobody: they get in through the card-holder link table. */
    private static final List<String> WITHOUT_IDENTIFIER = List.of("AU0001");
    /** An EC card key besides the RSA ones, so both signature algorithms are exercised. */
    private static final List<String> EC_KEYS = List.of("D0001");
    private static final Duration CARD_VALIDITY = Duration.ofDays(2 * 365);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DevHcaSettings settings;

    @Inject
    CardValidation validation;

    void create(DevCaStore store) throws IOException, GeneralSecurityException {
        Instant now = Instant.now();
        KeyPair rootKeys = DevCertificates.ecKeys();
        Authority root = new Authority(rootKeys.getPrivate(), new X509Certificate[]{DevCertificates.root(rootKeys, now)});
        KeyPair caKeys = DevCertificates.ecKeys();
        X509Certificate caCertificate = DevCertificates.cardCa(caKeys, root, now, settings.rootCrlUrl());
        Authority ca = new Authority(caKeys.getPrivate(), new X509Certificate[]{caCertificate, root.certificate()});
        store.saveAuthority(DevCaStore.ROOT_KEY, root);
        store.saveAuthority(DevCaStore.CARD_CA_KEY, ca);
        store.write(DevCaStore.ROOT_PEM, CardCertificates.pem(root.certificate()).getBytes(StandardCharsets.US_ASCII));
        store.write(DevCaStore.CARD_CA_PEM, CardCertificates.pem(caCertificate).getBytes(StandardCharsets.US_ASCII));
        List<IssuedCard> cards = new ArrayList<>();
        Instant from = now.minus(Duration.ofDays(1));
        for (NewStaffMember person : DemoPeople.all()) {
            String label = person.employeeNumber();
            cards.add(issue(store, ca, new CardOrder(label, person.name(),
                    WITHOUT_IDENTIFIER.contains(label) ? null : person.nationalId(), EC_KEYS.contains(label), from,
                    now.plus(CARD_VALIDITY)), label + ".p12"));
        }
        cards.add(issue(store, ca, unknownPerson(from, now.plus(CARD_VALIDITY)), UNKNOWN_PERSON + ".p12"));
        NewStaffMember n2 = person("N0002").orElseThrow();
        cards.add(issue(store, ca, new CardOrder("N0002", n2.name(), n2.nationalId(), false,
                now.minus(CARD_VALIDITY), now.minus(Duration.ofDays(1))), "N0002-expired.p12"));
        NewStaffMember n3 = person("N0003").orElseThrow();
        cards.add(issue(store, ca, new CardOrder("N0003", n3.name(), n3.nationalId(), false, from,
                now.plus(CARD_VALIDITY)), "N0003-revoked.p12").revoke(now));
        store.saveCards(cards);
        Files.writeString(store.dir().resolve("README.txt"), """
                medsign development HCA - NOT a real healthcare CA. Trusted only by a server with the dev HCA on.
                hca-dev-root.pem, hca-dev-card-ca.pem: CA certificates; hca-dev.crl, hca-dev-root.crl: the CRLs,
                also served at <server>/medsign/pki/. cards/*.p12: soft cards for the card agent
                (--backend pkcs12 --pkcs12-file cards/N0001.p12); the PIN is in medsign's README.
                issued-cards.tsv: serial, label, not-after, revoked-at, file of every card issued here.
                """);
        publish(store, now);
    }

    IssuedCard issue(DevCaStore store, String holder, boolean withIdentifier, boolean expired, Instant now)
            throws IOException, GeneralSecurityException {
        Instant from = expired ? now.minus(CARD_VALIDITY) : now.minus(Duration.ofMinutes(5));
        Instant until = expired ? now.minus(Duration.ofDays(1)) : now.plus(CARD_VALIDITY);
        CardOrder order = UNKNOWN_PERSON.equalsIgnoreCase(holder) ? unknownPerson(from, until)
                : person(holder).map(p -> new CardOrder(p.employeeNumber(), p.name(), withIdentifier ? p.nationalId() : null,
                false, from, until)).orElseThrow(() -> new IllegalArgumentException("not a demo person"));
        BigInteger serial = DevCertificates.serial();
        IssuedCard card = issue(store, store.authority(DevCaStore.CARD_CA_KEY), order, serial,
                order.label() + "-" + serial.toString(16).substring(0, 8) + ".p12");
        List<IssuedCard> cards = new ArrayList<>(store.cards());
        cards.add(card);
        store.saveCards(cards);
        return card;
    }

    Optional<IssuedCard> revoke(DevCaStore store, String serialHex, Instant now) throws IOException {
        List<IssuedCard> cards = new ArrayList<>(store.cards());
        for (int i = 0; i < cards.size(); i++) {
            IssuedCard card = cards.get(i);
            if (card.serialHex().equals(serialHex)) {
                if (!card.revoked()) {
                    cards.set(i, card.revoke(now));
                    store.saveCards(cards);
                }
                return Optional.of(cards.get(i));
            }
        }
        return Optional.empty();
    }

    /** Publishes both CRLs now and makes this server's validation fetch them again; returns the card CRL's number. */
    long publish(DevCaStore store, Instant now) throws IOException, GeneralSecurityException {
        List<IssuedCard> revoked = store.cards().stream().filter(IssuedCard::revoked).toList();
        long number = store.nextCrlNumber("card");
        store.write(DevCaStore.CARD_CRL, DevCrls.crl(store.authority(DevCaStore.CARD_CA_KEY), number, now, revoked).getEncoded());
        store.write(DevCaStore.ROOT_CRL, DevCrls.crl(store.authority(DevCaStore.ROOT_KEY), store.nextCrlNumber("root"), now,
                List.of()).getEncoded());
        validation.forgetCrl(URI.create(settings.cardCrlUrl()));
        validation.forgetCrl(URI.create(settings.rootCrlUrl()));
        return number;
    }

    /** Republishes when the CRL is a day old, well before its week of validity runs out. */
    void republishIfDue(DevCaStore store, Instant now) throws IOException, GeneralSecurityException {
        X509CRL current = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(store.read(DevCaStore.CARD_CRL)));
        if (current.getThisUpdate().toInstant().isBefore(now.minus(Duration.ofDays(1)))) {
            publish(store, now);
        }
    }

    X509Certificate certificateOf(DevCaStore store, IssuedCard card) throws IOException, GeneralSecurityException {
        KeyStore softCard = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store.softCard(card.file()))) {
            softCard.load(in, DevHcaSettings.SOFT_CARD_PIN.toCharArray());
        }
        return (X509Certificate) softCard.getCertificate("card");
    }

    /** Demo cards are linked automatically only as first created ({@code <label>.p12}), never ones IT issued later. */
    static boolean demoCard(IssuedCard card) {
        return card.file().equals(card.label() + ".p12");
    }

    private IssuedCard issue(DevCaStore store, Authority ca, CardOrder order, String file)
            throws IOException, GeneralSecurityException {
        return issue(store, ca, order, DevCertificates.serial(), file);
    }

    private IssuedCard issue(DevCaStore store, Authority ca, CardOrder order, BigInteger serial, String file)
            throws IOException, GeneralSecurityException {
        KeyPair keys = order.ec() ? DevCertificates.ecKeys() : DevCertificates.rsaKeys();
        X509Certificate card = DevCertificates.card(order, keys.getPublic(), ca, settings.cardCrlUrl(), serial);
        X509Certificate[] chain = new X509Certificate[ca.chain().length + 1];
        chain[0] = card;
        System.arraycopy(ca.chain(), 0, chain, 1, ca.chain().length);
        store.writeSoftCard(file, keys.getPrivate(), chain, DevHcaSettings.SOFT_CARD_PIN);
        return new IssuedCard(serial.toString(16), order.label(), order.notAfter(), null, file);
    }

    private static CardOrder unknownPerson(Instant from, Instant until) {
        String digits = String.format("%08d", RANDOM.nextInt(100_000_000));
        return new CardOrder(UNKNOWN_PERSON, "未登錄人員", "Z9" + digits, false, from, until);
    }

    private static Optional<NewStaffMember> person(String employeeNumber) {
        return DemoPeople.all().stream().filter(p -> p.employeeNumber().equalsIgnoreCase(employeeNumber)).findFirst();
    }
}
