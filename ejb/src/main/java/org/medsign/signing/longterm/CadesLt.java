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

    /** The encoded SignedData with {@code data} added to what it already carries (nothing twice). */
    public static byte[] withValidationData(CMSSignedData signed, ValidationData data) {
        try {
            Map<String, X509CertificateHolder> certificates = new LinkedHashMap<>();
            for (X509CertificateHolder c : signed.getCertificates().getMatches(null)) {
                certificates.put(key(c.getEncoded()), c);
            }
            for (X509CertificateHolder c : data.certificates()) {
                certificates.putIfAbsent(key(c.getEncoded()), c);
            }
            Map<String, Object> revocations = new LinkedHashMap<>();
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
                    signed.getAttributeCertificates(), new CollectionStore<>(List.copyOf(revocations.values()))).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add the validation data", e);
        } catch (CMSException e) {
            throw new IllegalStateException("Cannot add the validation data", e);
        }
    }

    private static String key(byte[] encoded) {
        return java.util.HexFormat.of().formatHex(encoded);
    }
}
