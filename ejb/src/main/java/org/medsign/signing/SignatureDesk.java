package org.medsign.signing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampToken;
import org.medsign.credential.TimeStampAuthority;
import org.medsign.staff.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a batch's verified signatures in one transaction: each gets its RFC 3161 timestamp (CAdES-T) and leaves
 * the pending list. A record version already signed (a retry, or another device that was quicker) is not stored
 * again: the unique key on (record, version) makes that certain even when two batches race.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME})
public class SignatureDesk {

    @PersistenceContext
    EntityManager em;

    @Inject
    TimeStampAuthority tsa;

    @Inject
    PendingIndex pending;

    /** Record id → the stored signature (new or found). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<Long, Stored> store(String batchId, List<VerifiedSignature> verified, Map<Long, String> delayReasons) {
        Map<Long, Stored> stored = new HashMap<>();
        for (RecordSignature existing : existing(verified)) {
            stored.put(existing.hisRecordId(), new Stored(existing.id(), existing.reference(), existing.signingTime(), false,
                    existing.hisMarked()));
        }
        List<RecordSignature> added = new ArrayList<>();
        Instant now = Instant.now();
        for (VerifiedSignature v : verified) {
            if (stored.containsKey(v.recordId())) {
                continue;
            }
            TimeStampToken token = tsa.stamp(v.signerInfo().getSignature());
            RecordSignature signature = new RecordSignature(v, batchId, delayReasons.get(v.recordId()),
                    withTimestamp(v, token), token.getTimeStampInfo().getGenTime().toInstant(), now);
            em.persist(signature);
            pending.markSigned(v.recordId(), v.version());
            added.add(signature);
        }
        em.flush();
        for (RecordSignature s : added) {
            stored.put(s.hisRecordId(), new Stored(s.id(), s.reference(), s.signingTime(), true, false));
        }
        return stored;
    }

    /** Notes that the HIS has the signed mark, so a later retry does not write it again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markedInHis(List<Long> signatureIds) {
        if (!signatureIds.isEmpty()) {
            em.createQuery("update RecordSignature s set s.hisMarked = true where s.id in :ids")
                    .setParameter("ids", signatureIds).executeUpdate();
        }
    }

    private List<RecordSignature> existing(List<VerifiedSignature> verified) {
        if (verified.isEmpty()) {
            return List.of();
        }
        List<Long> ids = verified.stream().map(VerifiedSignature::recordId).toList();
        Map<Long, Integer> versions = new HashMap<>();
        verified.forEach(v -> versions.put(v.recordId(), v.version()));
        return em.createQuery("select s from RecordSignature s where s.hisRecordId in :ids", RecordSignature.class)
                .setParameter("ids", ids).getResultStream()
                .filter(s -> versions.get(s.hisRecordId()) == s.recordVersion()).toList();
    }

    private static byte[] withTimestamp(VerifiedSignature v, TimeStampToken token) {
        try {
            SignerInformation signer = v.signerInfo();
            AttributeTable unsigned = signer.getUnsignedAttributes();
            ASN1EncodableVector attributes = unsigned == null ? new ASN1EncodableVector() : unsigned.toASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(token.toCMSSignedData().toASN1Structure())));
            SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attributes));
            return CMSSignedData.replaceSigners(new CMSSignedData(v.cms()), new SignerInformationStore(stamped)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot add the timestamp", e);
        }
    }

    /** A signature as stored: its id and HIS reference, whether this batch added it, whether the HIS has its mark. */
    public record Stored(long id, String reference, Instant signingTime, boolean added, boolean hisMarked) {
    }
}
