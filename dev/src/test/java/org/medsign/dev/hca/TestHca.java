package org.medsign.dev.hca;

import org.medsign.dev.hca.DevCaStore.Authority;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A healthcare CA for unit tests, made with the development HCA's own certificate and CRL makers: a root, a card CA
 * under it, cards, and CRLs with whatever revoked.
 */
public final class TestHca {

    public static final String CRL_URL = "http://hca.test/card.crl";
    public static final String ROOT_CRL_URL = "http://hca.test/root.crl";

    private final Authority root;
    private final Authority ca;
    private final List<IssuedCard> revoked = new ArrayList<>();
    private long crlNumber;

    /** A card, its key, and the chain as a card agent reports it (card, card CA, root). */
    public record Card(KeyPair keys, X509Certificate certificate, List<X509Certificate> chain) {
    }

    public TestHca() throws GeneralSecurityException {
        Instant now = Instant.now();
        KeyPair rootKeys = DevCertificates.ecKeys();
        root = new Authority(rootKeys.getPrivate(), new X509Certificate[]{DevCertificates.root(rootKeys, now)});
        KeyPair caKeys = DevCertificates.ecKeys();
        ca = new Authority(caKeys.getPrivate(), new X509Certificate[]{
                DevCertificates.cardCa(caKeys, root, now, ROOT_CRL_URL), root.certificate()});
    }

    public X509Certificate root() {
        return root.certificate();
    }

    public X509Certificate cardCa() {
        return ca.certificate();
    }

    public Card card(String name, String nationalId, boolean ec, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        KeyPair keys = ec ? DevCertificates.ecKeys() : DevCertificates.rsaKeys();
        X509Certificate certificate = DevCertificates.card(new CardOrder("test", name, nationalId, ec, notBefore, notAfter),
                keys.getPublic(), ca, CRL_URL, DevCertificates.serial());
        return new Card(keys, certificate, List.of(certificate, ca.certificate(), root.certificate()));
    }

    public Card card(String nationalId) throws GeneralSecurityException {
        Instant now = Instant.now();
        return card("測試人員", nationalId, false, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    public void revoke(X509Certificate card) {
        revoked.add(new IssuedCard(card.getSerialNumber().toString(16), "test", card.getNotAfter().toInstant(),
                Instant.now().minus(Duration.ofMinutes(1)), "test.p12"));
    }

    /** The card CA's CRL as of {@code thisUpdate} (valid a week from then). */
    public X509CRL cardCrl(Instant thisUpdate) throws GeneralSecurityException {
        return DevCrls.crl(ca, ++crlNumber, thisUpdate, revoked);
    }

    public X509CRL rootCrl(Instant thisUpdate) throws GeneralSecurityException {
        return DevCrls.crl(root, ++crlNumber, thisUpdate, List.of());
    }

    public static BigInteger serial() {
        return DevCertificates.serial();
    }
}
