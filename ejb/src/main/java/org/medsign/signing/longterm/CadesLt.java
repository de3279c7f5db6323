package org.medsign.signing.longterm;

import org.bouncycastle.asn1.cms.OtherRevocationInfoFormat;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.util.CollectionStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CAdES-T to CAdES-BASELINE-LT: the validation data go into the SignedData's own certificates and crls fields (OCSP
 * answers as RFC 5940 other revocation info), as the baseline profile asks; the signer info and its timestamp stay
 * byte for byte, so the signature value and the token still verify.
 */
public final class CadesLt {

    private CadesLt() {
    }

    /**
     * The SignedData with {@code data} added to what it already carries (nothing twice), not encoded: the archive
     * timestamp that follows reads it as it is, and encoding and parsing it again cost more than the rest.
     */
    public static CMSSignedData withValidationData(CMSSignedData signed, ValidationData data) {
        try {
            Map<ByteBuffer, X509CertificateHolder> certificates = new LinkedHashMap<>();
            for (X509CertificateHolder c : signed.getCertificates().getMatches(null)) {
                certificates.put(key(c.getEncoded()), c);
            }
            for (X509CertificateHolder c : data.certificates()) {
                certificates.putIfAbsent(key(c.getEncoded()), c);
            }
            Map<ByteBuffer, Object> revocations = new LinkedHashMap<>();
            for (X509CRLHolder crl : signed.getCRLs().getMatches(null)) {
                revocations.put(key(crl.getEncoded()), crl);
            }
            for (Object other : signed.getOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response).getMatches(null)) {
                revocations.put(key(((org.bouncycastle.asn1.ASN1Encodable) other).toASN1Primitive().getEncoded()),
                        new OtherRevocationInfoFormat(CMSObjectIdentifiers.id_ri_ocsp_response,
                                (org.bouncycastle.asn1.ASN1Encodable) other));
            }
            for (byte[] crl : data.crls()) {
                revocations.putIfAbsent(key(crl), new X509CRLHolder(CertificateList.getInstance(crl)));
            }
            for (byte[] ocsp : data.ocspResponses()) {
                revocations.putIfAbsent(key(OCSPResponse.getInstance(ocsp).getEncoded()),
                        new OtherRevocationInfoFormat(CMSObjectIdentifiers.id_ri_ocsp_response, OCSPResponse.getInstance(ocsp)));
            }
            return CMSSignedData.replaceCertificatesAndCRLs(signed, new CollectionStore<>(new ArrayList<>(certificates.values())),
                    signed.getAttributeCertificates(), new CollectionStore<>(List.copyOf(revocations.values())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add the validation data", e);
        } catch (CMSException e) {
            throw new IllegalStateException("Cannot add the validation data", e);
        }
    }

    /** Compared by content: the same certificate or revocation value twice is one. */
    private static ByteBuffer key(byte[] encoded) {
        return ByteBuffer.wrap(encoded);
    }
}
