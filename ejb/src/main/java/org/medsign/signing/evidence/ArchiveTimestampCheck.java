package org.medsign.signing.evidence;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.medsign.credential.CaCertificates;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Checks a signature's archive timestamps as a validator would (EN 319 122-1, 5.5.3): each token's signature with the
 * certificate it carries, that certificate from medsign's issuing CA, the message imprint recomputed from the signed
 * content's hash, the signer info and the token's own hash index, and everything that index names still present.
 */
final class ArchiveTimestampCheck {

    private ArchiveTimestampCheck() {
    }

    /** Null when every archive timestamp holds; else why the first that does not fails. */
    static String firstFailure(CMSSignedData signed, List<TimeStampToken> archives, String contentSha256Hex, CaCertificates ca) {
        SignerInformation signer = CadesLta.only(signed);
        try {
            Set<String> present = present(signed, signer);
            for (TimeStampToken archive : archives) {
                String at = "the archive timestamp of " + archive.getTimeStampInfo().getGenTime().toInstant();
                X509Certificate tsa = Timestamps.certificate(archive, ca);
                if (tsa == null) {
                    return at + " does not verify with a TSA certificate of medsign's CA";
                }
                Attribute indexAttribute = archive.getUnsignedAttributes() == null ? null
                        : archive.getUnsignedAttributes().get(CadesLta.ATS_HASH_INDEX_V3);
                if (indexAttribute == null) {
                    return at + " has no ats-hash-index-v3";
                }
                ASN1Sequence index = ASN1Sequence.getInstance(indexAttribute.getAttrValues().getObjectAt(0));
                byte[] imprint = MessageDigest.getInstance("SHA-256").digest(CadesLta.imprintInput(signed, signer,
                        HexFormat.of().parseHex(contentSha256Hex), index));
                if (!Arrays.equals(imprint, archive.getTimeStampInfo().getMessageImprintDigest())) {
                    return at + " covers other data";
                }
                for (int part = 1; part < index.size(); part++) {
                    for (ASN1Encodable hash : ASN1Sequence.getInstance(index.getObjectAt(part))) {
                        if (!present.contains(HexFormat.of().formatHex(
                                ASN1OctetString.getInstance(hash).getOctets()))) {
                            return at + " names evidence that is no longer in the signature";
                        }
                    }
                }
            }
            return null;
        } catch (Exception e) {
            return "the archive timestamps cannot be read: " + e.getClass().getSimpleName();
        }
    }

    /**
     * The SHA-256 of every certificate, revocation value and unsigned attribute value the signature now carries: the
     * hash index an archive timestamp made now would have.
     */
    private static Set<String> present(CMSSignedData signed, SignerInformation signer) throws IOException {
        Set<String> present = new HashSet<>();
        ASN1Sequence now = CadesLta.hashIndex(signed, signer);
        for (int part = 1; part < now.size(); part++) {
            for (ASN1Encodable hash : ASN1Sequence.getInstance(now.getObjectAt(part))) {
                present.add(hex(ASN1OctetString.getInstance(hash).getOctets()));
            }
        }
        return present;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
