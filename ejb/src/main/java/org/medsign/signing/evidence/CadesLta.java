package org.medsign.signing.evidence;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.Function;

/**
 * CAdES-BASELINE-LT to -LTA (ETSI EN 319 122-1, 5.5.2 and 5.5.3): an archive-time-stamp-v3 over the signed content's
 * hash, the signer info's signed fields and an ats-hash-index-v3 that lists, by SHA-256, every certificate, every
 * revocation value and every unsigned attribute value the signature carries at that moment. The index travels as an
 * unsigned attribute of the archive token itself, so a later archive timestamp can be added the same way: the earlier
 * one becomes one more indexed attribute value. Validation data added after a timestamp (for its own TSA) does not
 * disturb it, as a validator checks only that what the index names is still there.
 */
public final class CadesLta {

    /** id-aa-ets-archiveTimestampV3. */
    public static final ASN1ObjectIdentifier ARCHIVE_TIMESTAMP_V3 = new ASN1ObjectIdentifier("0.4.0.1733.2.4");
    /** id-aa-ATSHashIndex-v3. */
    public static final ASN1ObjectIdentifier ATS_HASH_INDEX_V3 = new ASN1ObjectIdentifier("0.4.0.19122.1.5");

    private CadesLta() {
    }

    /**
     * @param contentSha256 the SHA-256 of the detached signed content (medsign keeps it beside each signature)
     * @param tsa           stamps the given bytes (an RFC 3161 token over their SHA-256)
     */
    public static CMSSignedData withArchiveTimestamp(CMSSignedData signed, byte[] contentSha256,
                                                     Function<byte[], TimeStampToken> tsa) {
        try {
            SignerInformation signer = only(signed);
            DERSequence index = hashIndex(signed, signer);
            TimeStampToken token = tsa.apply(imprintInput(signed, signer, contentSha256, index));
            CMSSignedData archive = withUnsignedAttribute(token.toCMSSignedData(), ATS_HASH_INDEX_V3, index);
            return withUnsignedAttribute(signed, ARCHIVE_TIMESTAMP_V3, archive.toASN1Structure());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add the archive timestamp", e);
        }
    }

    /** The archive timestamps the signature carries, oldest first. */
    public static List<TimeStampToken> archiveTimestamps(CMSSignedData signed) {
        AttributeTable unsigned = only(signed).getUnsignedAttributes();
        if (unsigned == null) {
            return List.of();
        }
        ASN1EncodableVector attributes = unsigned.getAll(ARCHIVE_TIMESTAMP_V3);
        List<TimeStampToken> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            try {
                tokens.add(new TimeStampToken(new CMSSignedData(Attribute.getInstance(attributes.get(i)).getAttrValues()
                        .getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER))));
            } catch (Exception e) {
                throw new IllegalStateException("An archive timestamp cannot be read", e);
            }
        }
        tokens.sort(java.util.Comparator.comparing(t -> t.getTimeStampInfo().getGenTime()));
        return tokens;
    }

    /**
     * ATSHashIndexV3 over SHA-256. The algorithm is written although the clause's syntax makes it DEFAULT: the
     * standard's Annex D, which prevails, has no default, and validators recompute the index with it.
     */
    static DERSequence hashIndex(CMSSignedData signed, SignerInformation signer) throws IOException {
        SignedData data = SignedData.getInstance(signed.toASN1Structure().getContent());
        ASN1EncodableVector values = new ASN1EncodableVector();
        ASN1Set unsigned = signer.toASN1Structure().getUnauthenticatedAttributes();
        if (unsigned != null) {
            for (ASN1Encodable element : unsigned) {
                Attribute attribute = Attribute.getInstance(element);
                byte[] type = attribute.getAttrType().getEncoded(ASN1Encoding.DER);
                for (ASN1Encodable value : attribute.getAttrValues()) {
                    values.add(hash(type, der(value)));
                }
            }
        }
        return new DERSequence(new ASN1Encodable[]{new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                hashes(data.getCertificates()), hashes(data.getCRLs()), new DERSequence(values)});
    }

    /** Content type, the content's hash, the signer info's fields up to its signature, and the index (5.5.3). */
    static byte[] imprintInput(CMSSignedData signed, SignerInformation signer, byte[] contentSha256, ASN1Sequence index)
            throws IOException {
        SignedData data = SignedData.getInstance(signed.toASN1Structure().getContent());
        SignerInfo info = signer.toASN1Structure();
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(der(data.getEncapContentInfo().getContentType()));
        input.write(contentSha256);
        input.write(der(info.getVersion()));
        input.write(der(info.getSID()));
        input.write(der(info.getDigestAlgorithm()));
        input.write(new DERTaggedObject(false, 0, info.getAuthenticatedAttributes()).getEncoded(ASN1Encoding.DER));
        input.write(der(info.getDigestEncryptionAlgorithm()));
        input.write(der(info.getEncryptedDigest()));
        input.write(der(index));
        return input.toByteArray();
    }

    private static DERSequence hashes(ASN1Set set) throws IOException {
        ASN1EncodableVector hashes = new ASN1EncodableVector();
        if (set != null) {
            for (ASN1Encodable element : set) {
                hashes.add(hash(der(element)));
            }
        }
        return new DERSequence(hashes);
    }

    private static CMSSignedData withUnsignedAttribute(CMSSignedData signed, ASN1ObjectIdentifier type, ASN1Encodable value) {
        SignerInformation signer = only(signed);
        AttributeTable unsigned = signer.getUnsignedAttributes();
        AttributeTable more = unsigned == null ? new AttributeTable(new Attribute(type, new DERSet(value)))
                : unsigned.add(type, value);
        return CMSSignedData.replaceSigners(signed,
                new SignerInformationStore(SignerInformation.replaceUnsignedAttributes(signer, more)));
    }

    static SignerInformation only(CMSSignedData signed) {
        var signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new IllegalArgumentException("a medsign signature has one signer, not " + signers.size());
        }
        return signers.iterator().next();
    }

    private static byte[] der(ASN1Encodable value) throws IOException {
        return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    }

    private static DEROctetString hash(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return new DEROctetString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
