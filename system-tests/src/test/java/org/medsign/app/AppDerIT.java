package org.medsign.app;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's hand-written DER (app/js/der.js, pki.js), run in Chromium, against Bouncy Castle byte for byte and
 * against openssl: its PKCS#10 request is the one Bouncy Castle builds for the same key, name and signature value, and
 * its CMS SignedData is the DER form of the one Bouncy Castle's generator builds with the CLI's attributes (same time,
 * same signature value); openssl verifies both signatures.
 */
@SystemTest
class AppDerIT {

    private static final String SCRIPT = """
            const done = arguments[arguments.length - 1];
            (async () => {
              const pki = await import(new URL('js/pki.js', document.baseURI).href);
              const unb64 = (t) => Uint8Array.from(atob(t), (c) => c.charCodeAt(0));
              const b64 = (b) => btoa(String.fromCharCode(...b));
              const pair = await crypto.subtle.generateKey({name: 'ECDSA', namedCurve: 'P-256'}, true, ['sign']);
              const csr = await pki.certificationRequest(pair, 'N0001');
              const key = await crypto.subtle.importKey('pkcs8', unb64(arguments[0]), {name: 'ECDSA', namedCurve: 'P-256'},
                  false, ['sign']);
              let signedAttributes = null;
              const cms = await pki.signedDataOf(unb64(arguments[1]), await pki.sha256(unb64(arguments[2])),
                  await pki.sha256(unb64(arguments[1])), new Date(arguments[3]), async (a) => {
                    signedAttributes = a;
                    return pki.signDer(key, a);
                  });
              done({csr: b64(csr), cms: b64(cms), attributes: b64(signedAttributes)});
            })().catch((e) => done({error: String(e)}));
            """;

    @TempDir
    Path temp;

    @Test
    void theAppsRequestAndSignatureAreBouncyCastlesBytes(MedsignServer server) throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair signer = ec.generateKeyPair();
        X500Name name = new X500Name("CN=N0001 app test,O=medsign");
        Instant now = Instant.now();
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name, signer.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
        byte[] content = "護理紀錄：病人意識清楚。\n".getBytes(StandardCharsets.UTF_8);
        long when = (now.toEpochMilli() / 1000) * 1000;

        Map<?, ?> made;
        try (Browser browser = new Browser(server)) {
            browser.open("app/");
            browser.await(By.cssSelector("body[data-ready='true']"));
            made = (Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(SCRIPT,
                    b64(signer.getPrivate().getEncoded()), b64(certificate.getEncoded()), b64(content), when);
        }
        assertTrue(made.get("error") == null, String.valueOf(made.get("error")));
        byte[] csr = Base64.getDecoder().decode((String) made.get("csr"));
        byte[] cms = Base64.getDecoder().decode((String) made.get("cms"));

        // PKCS#10: valid, and the very bytes Bouncy Castle builds for its key, name and signature value
        PKCS10CertificationRequest request = new PKCS10CertificationRequest(csr);
        assertTrue(request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(request.getSubjectPublicKeyInfo())));
        byte[] csrSignature = request.getSignature();
        PKCS10CertificationRequest bc = new PKCS10CertificationRequestBuilder(new X500Name("CN=N0001"),
                request.getSubjectPublicKeyInfo()).build(fixed(csrSignature, null));
        assertArrayEquals(bc.getEncoded(), csr, "PKCS#10 as Bouncy Castle encodes it");
        Files.write(temp.resolve("app.csr"), csr);
        assertTrue(Tools.runResult("openssl", "req", "-verify", "-noout", "-inform", "DER", "-in",
                temp.resolve("app.csr").toString()).all().contains("verify OK"));

        // CMS: the generator medsign-mobile uses, with the same attributes, time and signature value
        SignerInfo appSigner = SignerInfo.getInstance(SignedData.getInstance(ContentInfo.getInstance(cms).getContent())
                .getSignerInfos().getObjectAt(0));
        ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        ASN1EncodableVector fixedAttributes = new ASN1EncodableVector();
        fixedAttributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{id}))));
        fixedAttributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(new Date(when)))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(fixedAttributes)))
                .build(fixed(appSigner.getEncryptedDigest().getOctets(), toBeSigned), certificate));
        generator.addCertificates(new JcaCertStore(List.of(certificate)));
        byte[] bcCms = generator.generate(new CMSProcessableByteArray(content), false).toASN1Structure()
                .getEncoded(ASN1Encoding.DER);
        assertArrayEquals(toBeSigned.toByteArray(), Base64.getDecoder().decode((String) made.get("attributes")),
                "signed attributes as Bouncy Castle signs them");
        assertArrayEquals(bcCms, cms, "CMS SignedData as Bouncy Castle encodes it (DER)");

        Files.write(temp.resolve("app.p7s"), cms);
        Files.write(temp.resolve("content.bin"), content);
        try (OutputStream pem = Files.newOutputStream(temp.resolve("signer.pem"))) {
            pem.write(("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII));
        }
        Tools.Result openssl = Tools.runResult("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                temp.resolve("app.p7s").toString(), "-content", temp.resolve("content.bin").toString(), "-CAfile",
                temp.resolve("signer.pem").toString(), "-purpose", "any", "-out", "/dev/null");
        assertTrue(openssl.all().contains("Verification successful"), openssl.all());
    }

    /** A signer that answers the given signature value, keeping what it was asked to sign. */
    private static ContentSigner fixed(byte[] signature, ByteArrayOutputStream seen) {
        ByteArrayOutputStream sink = seen != null ? seen : new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            }

            @Override
            public OutputStream getOutputStream() {
                return sink;
            }

            @Override
            public byte[] getSignature() {
                return signature;
            }
        };
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
