package org.medsign.signing.evidence;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;
import org.medsign.kernel.crypto.SignatureAlgorithms;
import org.medsign.kernel.crypto.BouncyCastle;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Set;

/**
 * The signature value of a CAdES signer, over the DER of its signed attributes, with the algorithms medsign accepts:
 * SHA-256 with ECDSA, with RSA (PKCS#1 v1.5), or with RSASSA-PSS (SHA-256 and MGF1 with SHA-256, as
 * {@code openssl cms -sign -keyopt rsa_padding_mode:pss} makes from an RSA certificate). One place, so the batch and
 * the re-verification of a stored signature accept exactly the same.
 */
public final class SignatureValue {

    private static final Set<ASN1ObjectIdentifier> ALGORITHMS = Set.of(X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.id_ecPublicKey, PKCSObjectIdentifiers.rsaEncryption,
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.id_RSASSA_PSS);

    private SignatureValue() {
    }

    /** SHA-256 as the digest, an accepted signature algorithm, and for PSS nothing weaker than SHA-256 inside. */
    public static boolean acceptable(SignerInformation signer) {
        if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())) {
            return false;
        }
        ASN1ObjectIdentifier algorithm = new ASN1ObjectIdentifier(signer.getEncryptionAlgOID());
        return ALGORITHMS.contains(algorithm)
                && (!PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm) || pss(signer) != null);
    }

    /** Whether the signature over the signed attributes verifies with the certificate's key. */
    public static boolean verifies(SignerInformation signer, PublicKey key) throws GeneralSecurityException, IOException {
        Signature verifier;
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.getId().equals(signer.getEncryptionAlgOID())) {
            PSSParameterSpec parameters = pss(signer);
            if (parameters == null) {
                return false;
            }
            verifier = Signature.getInstance("SHA256withRSAandMGF1", BouncyCastle.PROVIDER);
            verifier.setParameter(parameters);
        } else {
            verifier = Signature.getInstance(SignatureAlgorithms.forKey(key), BouncyCastle.PROVIDER);
        }
        verifier.initVerify(key);
        verifier.update(signer.getEncodedSignedAttributes());
        return verifier.verify(signer.getSignature());
    }

    /**
     * The PSS parameters when they are SHA-256 throughout (hash and MGF1), else null. Absent parameters mean SHA-1
     * (RFC 4055's defaults), so they are refused as well.
     */
    static PSSParameterSpec pss(SignerInformation signer) {
        try {
            byte[] encoded = signer.getEncryptionAlgParams();
            if (encoded == null) {
                return null;
            }
            RSASSAPSSparams params = RSASSAPSSparams.getInstance(ASN1Primitive.fromByteArray(encoded));
            AlgorithmIdentifier mgf = params.getMaskGenAlgorithm();
            boolean sha256 = NISTObjectIdentifiers.id_sha256.equals(params.getHashAlgorithm().getAlgorithm())
                    && PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
                    && NISTObjectIdentifiers.id_sha256.equals(AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm())
                    && params.getTrailerField().intValueExact() == 1;
            return sha256 ? new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    params.getSaltLength().intValueExact(), 1) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
