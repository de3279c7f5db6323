package org.medsign.card.validation;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a card certificate says about its holder, and how this system names a card without personal data.
 * <p>
 * A Taiwanese healthcare professional card certificate names the person in the subject (CN = the name) and does not
 * carry the full national ID in clear. Certificates that do identify the holder by national ID here carry it as an
 * ETSI EN 319 412-1 semantic identifier in the subject's {@code serialNumber} attribute: {@code IDCTW-A123456789}
 * ("IDC" national identity card, "TW"); the development HCA issues such certificates. Every other card is mapped to
 * a person by IT through the card-holder links (by certificate fingerprint).
 * <p>
 * The national ID read here is only ever digested for a look-up; it is never logged or stored.
 */
public final class CardIdentity {

    private static final Pattern SEMANTIC_ID = Pattern.compile("IDCTW-([A-Z][A-Z0-9][0-9]{8})");

    private CardIdentity() {
    }

    /** The holder's national ID from an {@code IDCTW-} subject serialNumber, if the certificate has one. */
    public static Optional<String> nationalId(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs(BCStyle.SERIALNUMBER)) {
            ASN1Encodable value = rdn.getFirst().getValue();
            Matcher matcher = SEMANTIC_ID.matcher(IETFUtils.valueToString(value).strip());
            if (matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** SHA-256 of the certificate, lower-case hex: the card's name in links, audit records and messages. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot digest a certificate", e);
        }
    }

    public static String serialHex(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** The issuing CA's common name (a CA's name, never a person's), for audit records. */
    public static String issuerName(X509Certificate certificate) {
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        RDN[] names = issuer.getRDNs(BCStyle.CN);
        return names.length == 0 ? issuer.toString() : IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}
