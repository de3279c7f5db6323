package org.medsign.credential;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

/**
 * The mobile signing certificate (R3: two years): subject from the staff record, digitalSignature +
 * nonRepudiation, the document-signing purpose (RFC 9336), medsign's policy, and where to find the CRL,
 * the OCSP responder and the issuer's certificate.
 */
final class CertificateProfile {

    /** medsign's certificate policy for mobile signing credentials (a UUID-based OID, X.667). */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.245356271389562397045921337612298764711.1");
    static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));

    private CertificateProfile() {
    }

    static X500Name subject(CertificateHolder holder, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "TW")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.OU, holder.siteCode())
                .addRDN(BCStyle.SERIALNUMBER, holder.employeeNumber())
                .addRDN(BCStyle.CN, holder.name())
                .build();
    }

    /** The institution certificate's subject (醫事機構憑證): the hospital, with its institution code as serialNumber. */
    static X500Name institutionSubject(String organisation, String institutionCode) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "TW")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.SERIALNUMBER, institutionCode)
                .addRDN(BCStyle.CN, organisation)
                .build();
    }

    static X509Certificate issue(KeyRing ca, String organisation, CertificateHolder holder, PublicKey key, BigInteger serial,
                                 Instant notBefore, Instant notAfter, URI pkiBase) {
        return issue(ca, subject(holder, organisation), key, serial, notBefore, notAfter, pkiBase);
    }

    static X509Certificate issue(KeyRing ca, X500Name subject, PublicKey key, BigInteger serial,
                                 Instant notBefore, Instant notAfter, URI pkiBase) {
        try {
            X509Certificate issuing = ca.certificate(KeyPurpose.ISSUE_CERTIFICATE);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuing, serial,
                    Date.from(notBefore), Date.from(notAfter), subject, key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(DOCUMENT_SIGNING));
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(POLICY)));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuing));
            PkiExtensions.revocationByCrlAndOcsp(builder, pkiBase, IssuingCaRollover.generation(ca));
            return ca.issueCertificate(builder);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue a certificate", e);
        }
    }
}
