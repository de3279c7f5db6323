package org.medsign.dev.rootca;

import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * The development root, brought out of its custodian's file to certify a new issuing CA: what a hospital's offline
 * root does in its own ceremony. It checks the request's signature (proof of possession), issues the sub-CA
 * certificate (basic constraints CA with path length 0, keyCertSign and cRLSign, the root's CRL and certificate as
 * addresses) and signs a new root CRL (listing the CAs given as revoked), both as PEM for medsign's import.
 * <p>
 * Command line: {@code OfflineRoot <custodian.p12> <request.pem> <pki-base-url> [years]} writes the reply to stdout.
 */
public final class OfflineRoot {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final String ROOT_CRL = "/pki/mobile/root.crl";
    private static final String ROOT_CA = "/pki/mobile/root.crt";

    private final X509Certificate root;
    private final PrivateKey key;

    private OfflineRoot(X509Certificate root, PrivateKey key) {
        this.root = root;
        this.key = key;
    }

    /** Opens the custodian's PKCS#12 file with the password kept beside it ({@code <file>.password}). */
    public static OfflineRoot open(Path custodian) {
        try (InputStream in = new FileInputStream(custodian.toFile())) {
            char[] password = Files.readString(custodian.resolveSibling(custodian.getFileName() + ".password")).strip()
                    .toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = store.aliases().nextElement();
            return new OfflineRoot((X509Certificate) store.getCertificate(alias), (PrivateKey) store.getKey(alias, password));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the offline root's custodian file " + custodian, e);
        }
    }

    public X509Certificate certificate() {
        return root;
    }

    /**
     * Certifies the request's key as an issuing CA for {@code validity}, and signs a root CRL that lists
     * {@code revoked} (CA certificate serial → revocation time). Answers the certificate and the CRL as PEM.
     */
    public String certify(String requestPem, URI pkiBase, Duration validity, Map<BigInteger, Instant> revoked) {
        try {
            PKCS10CertificationRequest request;
            try (PEMParser parser = new PEMParser(new StringReader(requestPem))) {
                request = (PKCS10CertificationRequest) parser.readObject();
            }
            if (request == null || !request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC)
                    .build(request.getSubjectPublicKeyInfo()))) {
                throw new IllegalArgumentException("The request's signature does not verify");
            }
            var publicKey = new JcaPKCS10CertificationRequest(request).setProvider(BC).getPublicKey();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, serial(),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)), request.getSubject(), publicKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(root));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                    new DistributionPoint(new DistributionPointName(new GeneralNames(uri(pkiBase, ROOT_CRL))), null, null)}));
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(AccessDescription.id_ad_caIssuers, uri(pkiBase, ROOT_CA))));
            X509CertificateHolder issued = builder.build(signer());
            return pem(issued) + pem(crl(now, now.plus(validity), revoked));
        } catch (IOException | java.security.GeneralSecurityException | org.bouncycastle.operator.OperatorException
                 | org.bouncycastle.pkcs.PKCSException e) {
            throw new IllegalStateException("Cannot certify the request", e);
        }
    }

    /** A root CRL from now until {@code nextUpdate}, numbered by its thisUpdate in seconds (as medsign's first one). */
    public X509CRLHolder crl(Instant now, Instant nextUpdate, Map<BigInteger, Instant> revoked) {
        try {
            JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(root, Date.from(now));
            builder.setNextUpdate(Date.from(nextUpdate));
            revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at),
                    org.bouncycastle.asn1.x509.CRLReason.keyCompromise));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
            return builder.build(signer());
        } catch (IOException | java.security.GeneralSecurityException | org.bouncycastle.operator.OperatorException e) {
            throw new IllegalStateException("Cannot sign the root's CRL", e);
        }
    }

    private ContentSigner signer() throws org.bouncycastle.operator.OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(key);
    }

    private static BigInteger serial() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x7F) | 0x40);
        return new BigInteger(bytes);
    }

    private static GeneralName uri(URI base, String path) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, base.toString().replaceAll("/+$", "") + path);
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: OfflineRoot <custodian.p12> <request.pem> <pki-base-url> [years, default 10]");
            System.exit(2);
        }
        Duration validity = Duration.ofDays(365L * (args.length > 3 ? Integer.parseInt(args[3]) : 10));
        System.out.print(open(Path.of(args[0])).certify(Files.readString(Path.of(args[1])), URI.create(args[2]), validity,
                Map.of()));
    }
}
