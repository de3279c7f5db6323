package org.medsign.kernel.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * medsign's keys, used by purpose. The CA's keys (root while bootstrapping, issuing, OCSP, TSA, audit seal) live in one
 * key store, {@code medsign.ca.pkcs11-config} (an HSM) or {@code medsign.ca.keystore} (PKCS#12, by default in the
 * {@link KeyDirectory}, which a cluster's nodes share); the institution key in {@code medsign.institution.keystore} or a
 * development file. Passwords
 * come from configuration (production: WildFly's credential store); without one, a random password is kept beside the
 * file, readable by the server's user only. Nothing outside this package sees a private key.
 */
@ApplicationScoped
public class KeyRing {

    private static final String ROOT_CRL = "root.crl";

    @Inject
    @ConfigProperty(name = "medsign.ca.pkcs11-config")
    Optional<String> pkcs11Config;

    @Inject
    @ConfigProperty(name = "medsign.ca.keystore")
    Optional<String> caKeystore;

    @Inject
    @ConfigProperty(name = "medsign.ca.keystore-password")
    Optional<String> caPassword;

    @Inject
    @ConfigProperty(name = "medsign.institution.keystore")
    Optional<String> institutionKeystore;

    @Inject
    @ConfigProperty(name = "medsign.institution.keystore-password")
    Optional<String> institutionPassword;

    /** The root's CRL as the offline root published it (production); unset: the file beside the CA key store. */
    @Inject
    @ConfigProperty(name = "medsign.ca.root-crl")
    Optional<String> rootCrlFile;

    /** Where the root's CRL is kept (read and, in development, written). */
    private Path rootCrl;

    /** The directory medsign keeps keys in, which the development root's custodian file must lie outside of. */
    private Path keyDirectory;

    private final Map<KeyPurpose.Token, KeyToken> tokens = new EnumMap<>(KeyPurpose.Token.class);

    @PostConstruct
    void open() {
        keyDirectory = KeyDirectory.of();
        Optional<String> hsm = pkcs11Config.filter(s -> !s.isBlank());
        if (hsm.isPresent()) {
            tokens.put(KeyPurpose.Token.CA, KeyToken.pkcs11(Path.of(hsm.get()), caPassword.filter(s -> !s.isBlank())
                    .orElseThrow(() -> new IllegalStateException("medsign.ca.keystore-password (the token PIN) is required with an HSM"))
                    .toCharArray()));
            rootCrl = KeyDirectory.of().resolve("ca").resolve(ROOT_CRL);
        } else {
            Path file = Path.of(caKeystore.filter(s -> !s.isBlank()).orElse(KeyDirectory.of().resolve("ca/mobile-ca.p12").toString()));
            tokens.put(KeyPurpose.Token.CA, KeyToken.pkcs12(file, password(caPassword, file)));
            rootCrl = file.resolveSibling(ROOT_CRL);
        }
        rootCrl = rootCrlFile.filter(s -> !s.isBlank()).map(Path::of).orElse(rootCrl);
        Optional<String> institution = institutionKeystore.filter(s -> !s.isBlank());
        Path file = Path.of(institution.orElse(KeyDirectory.of().resolve("institution/institution.p12").toString()));
        // the hospital's own file (from HCA) must hold its key: medsign never makes one into it
        tokens.put(KeyPurpose.Token.INSTITUTION, institution.isPresent()
                ? KeyToken.provided(file, institutionPassword.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                        "medsign.institution.keystore-password is required with medsign.institution.keystore")).toCharArray())
                : KeyToken.pkcs12(file, password(Optional.empty(), file)));
    }

    /**
     * Reads the key stores again: on a cluster another node may have made the CA in the shared key directory since
     * this ring opened them (while this node waited for the CA's row lock).
     */
    public synchronized void reopen() {
        tokens.clear();
        open();
    }

    /** Where the CA's keys are, for messages. */
    public String caLocation() {
        return pkcs11Config.filter(s -> !s.isBlank()).map(c -> "the HSM of " + c)
                .orElseGet(() -> caKeystore.filter(s -> !s.isBlank()).orElse(KeyDirectory.of().resolve("ca/mobile-ca.p12").toString()));
    }

    /** The SHA-256 of the certificate for {@code purpose}, hex: how nodes compare the CA they hold. */
    public String fingerprint(KeyPurpose purpose) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate(purpose).getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ring over two PKCS#12 files (created when missing), for tools and tests that run without a server. */
    public static KeyRing ofFiles(Path caKeyStore, Path institutionKeyStore, char[] password) {
        KeyRing ring = new KeyRing();
        ring.tokens.put(KeyPurpose.Token.CA, KeyToken.pkcs12(caKeyStore, password));
        ring.tokens.put(KeyPurpose.Token.INSTITUTION, KeyToken.pkcs12(institutionKeyStore, password));
        ring.rootCrl = caKeyStore.resolveSibling(ROOT_CRL);
        ring.keyDirectory = caKeyStore.toAbsolutePath().getParent();
        return ring;
    }

    private static char[] password(Optional<String> configured, Path file) {
        return configured.filter(s -> !s.isBlank()).map(String::toCharArray)
                .orElseGet(() -> KeyStoreFiles.generatedPassword(file.resolveSibling(file.getFileName() + ".password")));
    }

    // ---- the keys' life: made here, certified by the CA that owns the profile, retired ----

    /** Whether a key serves {@code purpose} (a new key counts once made, before its certificate). */
    public boolean has(KeyPurpose purpose) {
        KeyToken token = token(purpose);
        return token.resolve(purpose.alias()).isPresent() || (purpose.alias() != null && token.holdsNewKey(purpose.alias()));
    }

    /** A new EC P-256 key for {@code purpose}; only its public half comes back, to be certified. */
    public synchronized PublicKey newKey(KeyPurpose purpose) {
        return token(purpose).newKey(alias(purpose));
    }

    /** The certificate chain of the key made for {@code purpose} (its own certificate first); stores the key. */
    public synchronized void certified(KeyPurpose purpose, List<X509Certificate> chain) {
        token(purpose).certify(alias(purpose), chain);
    }

    /** Drops the key of {@code purpose} and keeps its certificate: the development root, once it certified the CA. */
    public synchronized void retire(KeyPurpose purpose, X509Certificate certificate) {
        token(purpose).retireKey(alias(purpose), certificate);
    }

    /**
     * A new certificate for the key that serves {@code purpose} (its own certificate first, the same public key): a
     * profile that gained extensions. The key stays; what it signed before still verifies with the old certificate.
     */
    public synchronized void recertified(KeyPurpose purpose, List<X509Certificate> chain) {
        token(purpose).recertify(alias(purpose), chain);
    }

    /** Whether {@link #recertified} can write to the key store of {@code purpose} (an HSM's or a hospital's: no). */
    public boolean writable(KeyPurpose purpose) {
        return token(purpose).writable();
    }

    /** The certificate chain of the key for {@code purpose}, its own certificate first (the root: just itself). */
    public List<X509Certificate> chain(KeyPurpose purpose) {
        KeyToken token = token(purpose);
        return token.resolve(purpose.alias()).or(() -> Optional.ofNullable(purpose.alias()))
                .map(token::chain).orElse(List.of());
    }

    public X509Certificate certificate(KeyPurpose purpose) {
        List<X509Certificate> chain = chain(purpose);
        if (chain.isEmpty()) {
            throw new IllegalStateException("No certificate for " + purpose);
        }
        return chain.get(0);
    }

    // ---- issuing CA generations: a rollover's pending key, the retired keys that still sign their CRLs ----

    /** The alias prefix of a retired generation's key: {@code issuing-g1}, {@code ocsp-g1}. */
    private static String retired(KeyPurpose purpose, int generation) {
        return purpose.alias() + "-g" + generation;
    }

    /**
     * A new issuing CA key, kept under {@link KeyPurpose#PENDING_CA} until the root certifies it (a key made again
     * replaces one still waiting). Only its public half comes back.
     */
    public synchronized PublicKey newPendingCaKey(String placeholderName) {
        KeyToken token = token(KeyPurpose.PENDING_CA);
        if (!token.writable()) {
            throw new IllegalStateException("The CA's key store is not medsign's to write");
        }
        token.delete(KeyPurpose.PENDING_CA.alias());
        return token.newStoredKey(KeyPurpose.PENDING_CA.alias(), placeholderName);
    }

    /** A PKCS#10 request (DER) for {@code subject}, signed with the pending CA key: proof of possession for the root. */
    public byte[] pendingCaRequest(org.bouncycastle.asn1.x500.X500Name subject) {
        KeyToken token = token(KeyPurpose.PENDING_CA);
        PublicKey key = certificate(KeyPurpose.PENDING_CA).getPublicKey();
        try {
            var builder = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(subject, key);
            var extensions = new org.bouncycastle.asn1.x509.ExtensionsGenerator();
            extensions.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                    new org.bouncycastle.asn1.x509.BasicConstraints(0));
            extensions.addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
                    new org.bouncycastle.asn1.x509.KeyUsage(org.bouncycastle.asn1.x509.KeyUsage.keyCertSign
                            | org.bouncycastle.asn1.x509.KeyUsage.cRLSign));
            builder.addAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                    extensions.generate());
            return builder.build(signer(KeyPurpose.PENDING_CA)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the CA's request", e);
        }
    }

    /**
     * The root's certificate for the pending key has been checked: the current issuing key and its OCSP responder
     * retire as {@code generation} (they keep signing that generation's CRLs and answers), the pending key becomes
     * the issuing key with {@code chain}. The caller then gives {@link KeyPurpose#SIGN_OCSP} a new key.
     */
    public synchronized void promotePendingCa(List<X509Certificate> chain, int generation) {
        KeyToken token = token(KeyPurpose.ISSUE_CERTIFICATE);
        token.recertify(KeyPurpose.PENDING_CA.alias(), chain);
        token.rename(KeyPurpose.ISSUE_CERTIFICATE.alias(), retired(KeyPurpose.ISSUE_CERTIFICATE, generation));
        token.rename(KeyPurpose.SIGN_OCSP.alias(), retired(KeyPurpose.SIGN_OCSP, generation));
        token.rename(KeyPurpose.PENDING_CA.alias(), KeyPurpose.ISSUE_CERTIFICATE.alias());
    }

    /** The chains of the retired generations of {@code purpose} (issuing CA or OCSP responder), generation 1 first. */
    public List<List<X509Certificate>> retiredChains(KeyPurpose purpose) {
        KeyToken token = token(purpose);
        return token.aliases(purpose.alias() + "-g").stream()
                .sorted(java.util.Comparator.comparingInt(a -> Integer.parseInt(a.substring(a.lastIndexOf("-g") + 2))))
                .map(token::chain).toList();
    }

    /** A CRL signed by the issuing CA (current or retired) whose certificate is {@code issuer}, DER. */
    public byte[] signCrl(X509Certificate issuer, X509v2CRLBuilder builder) {
        try {
            return builder.build(signer(KeyPurpose.SIGN_CRL, issuer, 0)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode the CRL", e);
        }
    }

    /** An OCSP answer from the responder the CA {@code issuer} (current or retired) certified, its certificate included. */
    public BasicOCSPResp signOcspAnswer(X509Certificate issuer, BasicOCSPRespBuilder builder, Date producedAt) {
        try {
            String alias = aliasOf(KeyPurpose.SIGN_OCSP, issuer, 1);
            X509CertificateHolder[] chain = {new JcaX509CertificateHolder(token(KeyPurpose.SIGN_OCSP).chain(alias).get(0))};
            return builder.build(signer(KeyPurpose.SIGN_OCSP, issuer, 1), chain, producedAt);
        } catch (GeneralSecurityException | org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new IllegalStateException("Cannot sign the OCSP answer", e);
        }
    }

    /** The OCSP responder certificate the CA {@code issuer} certified. */
    public X509Certificate ocspResponder(X509Certificate issuer) {
        return token(KeyPurpose.SIGN_OCSP).chain(aliasOf(KeyPurpose.SIGN_OCSP, issuer, 1)).get(0);
    }

    /** Keeps the root's CRL the offline root signed (imported with a CA certificate), for {@link #rootCrl()}. */
    public void keepRootCrl(byte[] crl) {
        try {
            Files.createDirectories(rootCrl.getParent());
            Files.write(rootCrl, crl);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the root's CRL in " + rootCrl, e);
        }
    }

    /**
     * Development and tests only: writes the root's key to the offline custodian's PKCS#12 file (its password in a
     * file beside it) before the ring drops it, so that a tool can later certify a new issuing CA as an offline
     * root would. {@code target} must lie outside the key directory.
     */
    public void handOverToCustodian(KeyPurpose purpose, X509Certificate certificate, Path target) {
        if (target.toAbsolutePath().normalize().startsWith(keyDirectory.toAbsolutePath().normalize())) {
            throw new IllegalStateException("The offline root's custodian file must lie outside the key directory: " + target);
        }
        token(purpose).export(alias(purpose), certificate, target,
                KeyStoreFiles.generatedPassword(target.resolveSibling(target.getFileName() + ".password")));
    }

    /** The alias of {@code purpose}, current or retired, whose chain holds {@code issuer} at {@code position}. */
    private String aliasOf(KeyPurpose purpose, X509Certificate issuer, int position) {
        KeyToken token = token(purpose);
        List<String> candidates = new java.util.ArrayList<>(List.of(purpose.alias()));
        candidates.addAll(token.aliases(purpose.alias() + "-g"));
        for (String alias : candidates) {
            List<X509Certificate> chain = token.chain(alias);
            if (chain.size() > position && chain.get(position).equals(issuer)) {
                return alias;
            }
        }
        throw new IllegalStateException("No " + purpose + " key for " + issuer.getSubjectX500Principal());
    }

    private ContentSigner signer(KeyPurpose purpose, X509Certificate issuer, int position) {
        KeyToken token = token(purpose);
        PrivateKey key = token.key(aliasOf(purpose, issuer, position));
        try {
            return new JcaContentSignerBuilder(SignatureAlgorithms.forKey(key)).setProvider(token.provider()).build(key);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign for " + purpose, e);
        }
    }

    // ---- signing by purpose ----

    /** The development root certifying the issuing CA; a self-signed root certifies itself with it. */
    public X509Certificate certifyCa(X509v3CertificateBuilder builder) {
        return certificate(builder.build(signer(KeyPurpose.CERTIFY_CA)));
    }

    /** A certificate issued by the Mobile Signing CA. */
    public X509Certificate issueCertificate(X509v3CertificateBuilder builder) {
        return certificate(builder.build(signer(KeyPurpose.ISSUE_CERTIFICATE)));
    }

    /** The CA's CRL, DER. */
    public byte[] signCrl(X509v2CRLBuilder builder) {
        try {
            return builder.build(signer(KeyPurpose.SIGN_CRL)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode the CRL", e);
        }
    }

    /**
     * The root's CRL of the CAs it certified, signed while the development root still holds its key, and kept beside
     * the CA key store for {@link #rootCrl()}; a production root signs its CRL offline instead.
     */
    public byte[] signRootCrl(X509v2CRLBuilder builder) {
        try {
            byte[] crl = builder.build(signer(KeyPurpose.SIGN_ROOT_CRL)).getEncoded();
            Files.createDirectories(rootCrl.getParent());
            Files.write(rootCrl, crl);
            return crl;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the root's CRL in " + rootCrl, e);
        }
    }

    /** The root's latest CRL, DER, as kept in {@code medsign.ca.root-crl} (or beside the CA key store); empty: none. */
    public Optional<byte[]> rootCrl() {
        try {
            return Files.isRegularFile(rootCrl) ? Optional.of(Files.readAllBytes(rootCrl)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the root's CRL " + rootCrl, e);
        }
    }

    /** An OCSP answer signed by the delegated responder, its certificate included. */
    public BasicOCSPResp signOcspAnswer(BasicOCSPRespBuilder builder, Date producedAt) {
        try {
            X509CertificateHolder[] chain = {new JcaX509CertificateHolder(certificate(KeyPurpose.SIGN_OCSP))};
            return builder.build(signer(KeyPurpose.SIGN_OCSP), chain, producedAt);
        } catch (GeneralSecurityException | org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new IllegalStateException("Cannot sign the OCSP answer", e);
        }
    }

    /** The TSA's signer for RFC 3161 tokens; a time-stamp generator built on it serves one thread. */
    public SignerInfoGenerator timestampSigner() {
        return signerInfo(KeyPurpose.TIMESTAMP, null);
    }

    /** The institution's CMS signer (機構代簽), with the signed attributes the caller's profile sets. */
    public SignerInfoGenerator institutionSigner(CMSAttributeTableGenerator signedAttributes) {
        return signerInfo(KeyPurpose.INSTITUTION_SIGNATURE, signedAttributes);
    }

    /** The audit seal's signature over a checkpoint's text. */
    public byte[] sealAudit(byte[] text) {
        return sign(KeyPurpose.AUDIT_SEAL, text);
    }

    /** Whether the key for {@code purpose} signs, and its certificate verifies what it signed: health checks. */
    public boolean probe(KeyPurpose purpose) {
        try {
            byte[] probe = ("medsign key probe " + purpose).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] signature = sign(purpose, probe);
            PublicKey key = certificate(purpose).getPublicKey();
            Signature verifier = Signature.getInstance(SignatureAlgorithms.forKey(key), BouncyCastle.PROVIDER);
            verifier.initVerify(key);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private byte[] sign(KeyPurpose purpose, byte[] data) {
        KeyToken token = token(purpose);
        PrivateKey key = token.key(alias(purpose));
        try {
            Signature signature = Signature.getInstance(SignatureAlgorithms.forKey(key), token.provider());
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign for " + purpose, e);
        }
    }

    private SignerInfoGenerator signerInfo(KeyPurpose purpose, CMSAttributeTableGenerator signedAttributes) {
        try {
            JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build());
            if (signedAttributes != null) {
                builder.setSignedAttributeGenerator(signedAttributes);
            }
            return builder.build(signer(purpose), certificate(purpose));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the signer for " + purpose, e);
        }
    }

    private ContentSigner signer(KeyPurpose purpose) {
        KeyToken token = token(purpose);
        PrivateKey key = token.key(alias(purpose));
        try {
            return new JcaContentSignerBuilder(SignatureAlgorithms.forKey(key)).setProvider(token.provider()).build(key);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign for " + purpose, e);
        }
    }

    private static X509Certificate certificate(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificate just signed", e);
        }
    }

    private KeyToken token(KeyPurpose purpose) {
        KeyToken token = tokens.get(purpose.token());
        if (token == null) {
            throw new IllegalStateException("No key store for " + purpose);
        }
        return token;
    }

    private String alias(KeyPurpose purpose) {
        return purpose.alias() != null ? purpose.alias() : token(purpose).resolve(null).orElse("institution");
    }
}
