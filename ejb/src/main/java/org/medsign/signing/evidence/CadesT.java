package org.medsign.signing.evidence;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.io.UncheckedIOException;

/** CAdES-B to CAdES-T: the RFC 3161 token over a signer's signature value, added as its unsigned attribute. */
public final class CadesT {

    private CadesT() {
    }

    /** The encoded SignedData with {@code token} added to {@code signer}, the only signer of {@code data}. */
    public static byte[] withTimestamp(CMSSignedData data, SignerInformation signer, TimeStampToken token) {
        try {
            AttributeTable unsigned = signer.getUnsignedAttributes();
            ASN1EncodableVector attributes = unsigned == null ? new ASN1EncodableVector() : unsigned.toASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(token.toCMSSignedData().toASN1Structure())));
            SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attributes));
            return CMSSignedData.replaceSigners(data, new SignerInformationStore(stamped)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add the timestamp", e);
        }
    }
}
