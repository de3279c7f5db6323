package org.medsign.signing;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.bouncycastle.cms.SignerInformation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.credential.CertificateStatus;
import org.medsign.credential.SignerCertificate;
import org.medsign.credential.SigningCertificates;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.his.CanonicalRecord;
import org.medsign.his.HisGateway;
import org.medsign.his.HisRecord;
import org.medsign.staff.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * 批次簽章 (M23): every item is checked on its own — pending and mine in the window (R1), the record's current
 * version, the CMS and its certificate (mine, 已下載) — then the accepted ones are stored at once (exactly once per
 * record version) and marked signed in the HIS. A refused item never affects the others.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME})
public class BatchSigning {

    static final Duration LATE_AFTER = Duration.ofHours(24);

    @Resource
    SessionContext caller;

    @Inject
    PendingIndex pending;

    @Inject
    PendingWindow window;

    @Inject
    HisGateway his;

    @Inject
    SigningCertificates certificates;

    @Inject
    SignatureDesk desk;

    @Inject
    EPortal eportal;

    @Inject
    SigningStatistics statistics;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "medsign.signing.max-batch", defaultValue = "250")
    int maxBatch;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BatchResult sign(SignRequest request, Locale locale) {
        String me = caller.getCallerPrincipal().getName();
        long started = System.nanoTime();
        if (request == null || request.items() == null || request.batchId() == null
                || !request.batchId().matches("[A-Za-z0-9-]{8,36}")) {
            throw new MedsignException(ErrorCode.MALFORMED_REQUEST, "batch");
        }
        if (request.items().size() > maxBatch) {
            throw new MedsignException(ErrorCode.BATCH_TOO_LARGE, maxBatch);
        }
        eportal.requireBound(request.deviceId());
        Map<Long, ItemResult> results = new LinkedHashMap<>();
        List<VerifiedSignature> verified = new ArrayList<>();
        Map<Long, String> delays = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        Instant now = Instant.now();
        for (SignItem item : request.items()) {
            if (!seen.add(item.recordId())) {
                results.put(-item.recordId() - 1, refused(item.recordId(), ErrorCode.DUPLICATE_ITEM, locale));
                continue;
            }
            try {
                verified.add(check(item, me, now));
                if (item.delayReason() != null && !item.delayReason().isBlank()) {
                    delays.put(item.recordId(), item.delayReason().strip().substring(0, Math.min(200, item.delayReason().strip().length())));
                }
                results.put(item.recordId(), null);
            } catch (MedsignException e) {
                results.put(item.recordId(), refused(item.recordId(), e, locale));
            }
        }
        Map<Long, SignatureDesk.Stored> stored = verified.isEmpty() ? Map.of()
                : desk.store(request.batchId(), verified, delays);
        markInHis(verified, stored);
        for (VerifiedSignature v : verified) {
            boolean added = stored.get(v.recordId()).added();
            results.put(v.recordId(), new ItemResult(v.recordId(), added ? ItemResult.SIGNED : ItemResult.ALREADY_SIGNED,
                    null, null));
        }
        List<ItemResult> items = new ArrayList<>(results.values());
        int ok = (int) items.stream().filter(r -> !ItemResult.REFUSED.equals(r.result())).count();
        statistics.batch(ok, items.size() - ok, System.nanoTime() - started);
        audit.record(new AuditRecord(AuditAction.RECORDS_SIGNED, ok == items.size() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                me, request.batchId(), null, null, ok + " signed, " + (items.size() - ok) + " refused"));
        return new BatchResult(request.batchId(), ok, items.size() - ok, items);
    }

    private VerifiedSignature check(SignItem item, String me, Instant now) {
        PendingView view = pending.myRecord(item.recordId()).orElseThrow(() -> notPending(item.recordId(), me, now));
        CanonicalRecord canonical = his.canonical(item.recordId()).orElseThrow(() -> new MedsignException(ErrorCode.RECORD_NOT_PENDING));
        if (canonical.version() != view.version()) {
            throw new MedsignException(ErrorCode.RECORD_CHANGED);
        }
        byte[] cms;
        try {
            cms = Base64.getDecoder().decode(item.cms() == null ? "" : item.cms().strip());
        } catch (IllegalArgumentException e) {
            throw new MedsignException(ErrorCode.CMS_INVALID, "base64");
        }
        SignerInformation signer = CmsCheck.signer(cms);
        SignerCertificate certificate = certificates.find(new javax.security.auth.x500.X500Principal(encoded(signer)),
                        signer.getSID().getSerialNumber())
                .orElseThrow(() -> new MedsignException(ErrorCode.CERTIFICATE_NOT_CALLERS));
        if (!certificate.owner().equals(me)) {
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_CALLERS);
        }
        if (certificate.status() == CertificateStatus.ISSUED) {
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_DOWNLOADED);
        }
        if (certificate.status() != CertificateStatus.DOWNLOADED) {
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_VALID);
        }
        Instant signingTime = CmsCheck.verify(cms, canonical.bytes(), certificate.x509(), now);
        if (view.createdAt().plus(LATE_AFTER).isBefore(now) && (item.delayReason() == null || item.delayReason().isBlank())) {
            throw new MedsignException(ErrorCode.DELAY_REASON_REQUIRED);
        }
        return new VerifiedSignature(item.recordId(), canonical.version(), me, certificate.serial(),
                java.util.HexFormat.of().formatHex(canonical.digest()), signingTime, signer, cms);
    }

    private static byte[] encoded(SignerInformation signer) {
        try {
            return signer.getSID().getIssuer().getEncoded();
        } catch (java.io.IOException e) {
            throw new MedsignException(ErrorCode.CMS_INVALID, "issuer");
        }
    }

    /** Not in my pending list: older than the window (R1: sign it in the HIS), or not mine, or already signed. */
    private MedsignException notPending(long recordId, String me, Instant now) {
        HisRecord record = his.record(recordId).orElse(null);
        if (record != null && record.author().equals(me) && !window.contains(record.modifiedAt(), now)
                && (record.signedVersion() == null || record.signedVersion() != record.version())) {
            return new MedsignException(ErrorCode.RECORD_OUTSIDE_WINDOW);
        }
        return new MedsignException(ErrorCode.RECORD_NOT_PENDING);
    }

    private void markInHis(List<VerifiedSignature> verified, Map<Long, SignatureDesk.Stored> stored) {
        List<Long> marked = new ArrayList<>();
        for (VerifiedSignature v : verified) {
            SignatureDesk.Stored s = stored.get(v.recordId());
            if (!s.hisMarked()) {
                HisGateway.SignedMark mark = his.markSigned(v.recordId(), v.version(), s.reference(), s.signingTime());
                if (mark == HisGateway.SignedMark.MARKED || mark == HisGateway.SignedMark.ALREADY_SIGNED) {
                    marked.add(s.id());
                }
            }
        }
        desk.markedInHis(marked);
    }

    private static ItemResult refused(long recordId, ErrorCode code, Locale locale) {
        return refused(recordId, new MedsignException(code), locale);
    }

    private static ItemResult refused(long recordId, MedsignException e, Locale locale) {
        return new ItemResult(recordId, ItemResult.REFUSED, e.errorCode().code(),
                ErrorCatalogue.describe(e, locale));
    }
}
