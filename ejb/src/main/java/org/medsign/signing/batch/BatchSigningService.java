package org.medsign.signing.batch;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.credential.SigningCertificates;
import org.medsign.credential.TimeStampAuthority;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.his.HisGateway;
import org.medsign.his.HisRecord;
import org.medsign.kernel.Role;
import org.medsign.signing.deadline.DeadlineRule;
import org.medsign.signing.eportal.EPortal;
import org.medsign.signing.evidence.VerifiedSignature;
import org.medsign.signing.pending.PendingIndex;
import org.medsign.signing.pending.PendingWindow;
import org.medsign.signing.writeback.WriteBackQueue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * 批次簽章 (M23): the batch's context is read in a few set-based queries, each item's cheap checks (pending and
 * mine in the window (R1), current version, delay reason) run in memory, the crypto of the rest (verify, timestamp)
 * runs on all cores, then the accepted signatures are stored at once (exactly once per record version) and their
 * signed marks go to the HIS through the write-back queue. A refused item never affects the others; sending a batch
 * again completes what a crash left.
 * <p>
 * An unreachable HIS does not stop signing: the pending index stands in for its records ({@link BatchScreening}),
 * the signatures are stored and the phone is told they are signed; only their marks wait, durably, for the
 * {@code his-write-back} job. The user has nothing to do about it, so nothing in the answer says so.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME})
public class BatchSigningService {

    /** Below this many candidates per core, splitting costs more than it saves. */
    private static final int MIN_SLICE = 16;
    private static final int STORE_ATTEMPTS = 3;

    @Resource
    SessionContext caller;

    @Resource
    ManagedExecutorService executor;

    @Inject
    PendingIndex pending;

    @Inject
    PendingWindow window;

    @Inject
    DeadlineRule deadline;

    @Inject
    HisGateway his;

    @Inject
    SigningCertificates certificates;

    @Inject
    TimeStampAuthority tsa;

    @Inject
    SignatureDesk desk;

    @Inject
    WriteBackQueue writeBack;

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
        if (request == null || request.items() == null || request.batchId() == null
                || !request.batchId().matches(SignRequest.BATCH_ID) || request.items().contains(null)) {
            throw new MedsignException(ErrorCode.MALFORMED_REQUEST, "batch");
        }
        if (request.items().size() > maxBatch) {
            throw new MedsignException(ErrorCode.BATCH_TOO_LARGE, maxBatch);
        }
        eportal.requireBound(request.deviceId());
        List<SignItem> items = request.items();
        Set<Long> ids = new LinkedHashSet<>();
        items.forEach(i -> ids.add(i.recordId()));
        Instant now = Instant.now();
        BatchScreening batch = new BatchScreening(me, pending.myRecords(ids), hisRecords(ids), desk.existing(ids), window,
                deadline, now);

        ItemResult[] results = new ItemResult[items.size()];
        List<Candidate> candidates = new ArrayList<>();
        List<Long> toMark = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchScreening.Decision decision = batch.decide(i, items.get(i));
            long recordId = items.get(i).recordId();
            if (decision instanceof BatchScreening.Refused r) {
                results[i] = refused(recordId, r.reason(), locale);
            } else if (decision instanceof BatchScreening.AlreadySigned a) {
                results[i] = new ItemResult(recordId, ItemResult.ALREADY_SIGNED, null, null);
                if (!a.signature().hisMarked()) {
                    toMark.add(a.signature().id());
                }
            } else if (decision instanceof BatchScreening.ToVerify v) {
                candidates.add(v.candidate());
            }
        }
        List<VerifiedSignature> verified = new ArrayList<>();
        for (ItemVerification.Outcome outcome : verify(me, candidates, now)) {
            Candidate c = outcome.candidate();
            if (outcome.refusal() != null) {
                results[c.index()] = refused(c.recordId(), outcome.refusal(), locale);
            } else {
                verified.add(outcome.verified());
            }
        }
        Map<Long, Integer> positions = new HashMap<>();
        for (int i = items.size() - 1; i >= 0; i--) {
            positions.put(items.get(i).recordId(), i);
        }
        for (SignatureDesk.Stored s : store(request.batchId(), verified)) {
            results[positions.get(s.recordId())] = new ItemResult(s.recordId(),
                    s.added() ? ItemResult.SIGNED : ItemResult.ALREADY_SIGNED, null, null);
            if (!s.hisMarked()) {
                toMark.add(s.id());
            }
        }
        writeBack.afterSigning(toMark);
        List<ItemResult> answer = Arrays.asList(results);
        int ok = (int) answer.stream().filter(r -> !ItemResult.REFUSED.equals(r.result())).count();
        statistics.batch(ok, answer.size() - ok);
        audit.record(new AuditRecord(AuditAction.RECORDS_SIGNED, ok == answer.size() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                me, request.batchId(), null, null, ok + " signed, " + (answer.size() - ok) + " refused"));
        return new BatchResult(request.batchId(), ok, answer.size() - ok, answer);
    }

    /** Slices the candidates over the cores; each slice verifies and stamps with its own stamper. */
    private List<ItemVerification.Outcome> verify(String me, List<Candidate> candidates, Instant now) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        ItemVerification verification = new ItemVerification(me, certificates.of(me), now);
        int slices = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), candidates.size() / MIN_SLICE));
        int size = (candidates.size() + slices - 1) / slices;
        List<Future<List<ItemVerification.Outcome>>> running = new ArrayList<>();
        for (int from = size; from < candidates.size(); from += size) {
            List<Candidate> slice = candidates.subList(from, Math.min(candidates.size(), from + size));
            TimeStampAuthority.Stamper stamper = tsa.stamper();
            running.add(executor.submit(() -> verification.run(slice, stamper)));
        }
        List<ItemVerification.Outcome> outcomes = new ArrayList<>(verification.run(
                candidates.subList(0, Math.min(size, candidates.size())), tsa.stamper()));
        try {
            for (Future<List<ItemVerification.Outcome>> slice : running) {
                outcomes.addAll(slice.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while verifying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Verification failed", e.getCause());
        }
        return outcomes;
    }

    /**
     * Stores the batch. When a racing batch stored a version first (the unique key fails this transaction), the same
     * call again finds it stored and answers it as already signed.
     */
    private List<SignatureDesk.Stored> store(String batchId, List<VerifiedSignature> verified) {
        if (verified.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return desk.store(batchId, verified);
            } catch (EJBException | PersistenceException e) {
                if (attempt == STORE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The HIS's records of the batch as they are now; null when the HIS cannot be reached (the index stands in). */
    private Map<Long, HisRecord> hisRecords(Set<Long> ids) {
        try {
            return his.records(ids);
        } catch (MedsignException e) {
            if (e.errorCode() != ErrorCode.HIS_UNAVAILABLE) {
                throw e;
            }
            return null;
        }
    }

    private static ItemResult refused(long recordId, MedsignException e, Locale locale) {
        return new ItemResult(recordId, ItemResult.REFUSED, e.errorCode().code(), ErrorCatalogue.describe(e, locale));
    }
}
