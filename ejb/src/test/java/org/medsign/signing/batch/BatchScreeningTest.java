package org.medsign.signing.batch;

import org.junit.jupiter.api.Test;
import org.medsign.error.ErrorCode;
import org.medsign.his.HisRecord;
import org.medsign.signing.deadline.DeadlineRule;
import org.medsign.signing.deadline.DeadlineState;
import org.medsign.signing.pending.PendingView;
import org.medsign.signing.pending.PendingWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Each item's checks before any crypto, one rule a test. */
class BatchScreeningTest {

    private static final String ME = "N0001";
    private static final Instant NOW = Instant.parse("2025-03-17T05:00:00Z");
    private static final Instant RECENT = NOW.minus(Duration.ofHours(2));
    private static final Instant DAYS_AGO = NOW.minus(Duration.ofDays(3));

    private final Map<Long, PendingView> pending = new HashMap<>();
    private final Map<Long, HisRecord> records = new HashMap<>();
    private final Map<Long, SignatureDesk.Stored> stored = new HashMap<>();

    private BatchScreening screening() {
        return new BatchScreening(ME, pending, records, stored, PendingWindow.of(2, "Asia/Taipei"), DeadlineRule.of(24, 4),
                NOW);
    }

    /** The screening while the HIS cannot be reached: the pending index stands in for it. */
    private BatchScreening withoutHis() {
        return new BatchScreening(ME, pending, null, stored, PendingWindow.of(2, "Asia/Taipei"), DeadlineRule.of(24, 4),
                NOW);
    }

    @Test
    void aPendingRecordOfMineInItsListedVersionGoesOnToTheCrypto() {
        listed(1, 2, RECENT);
        Candidate c = candidate(screening().decide(4, new SignItem(1, "cms", null)));
        assertEquals(4, c.index());
        assertEquals(1, c.recordId());
        assertEquals("cms", c.cmsBase64());
        assertEquals(2, c.version());
        assertArrayEquals(records.get(1L).canonical().digest(), c.digest(), "over the HIS's current bytes");
        assertEquals("digest-1", c.listedDigest());
        assertNull(c.delayReason(), "in time: no reason needed, none kept");
    }

    @Test
    void theSameRecordTwiceInABatchIsADuplicate() {
        listed(1, 1, RECENT);
        BatchScreening batch = screening();
        candidate(batch.decide(0, new SignItem(1, "a", null)));
        assertEquals(ErrorCode.DUPLICATE_ITEM, refusal(batch.decide(1, new SignItem(1, "b", null))));
    }

    @Test
    void aVersionIAlreadySignedIsAnsweredAsSignedEvenOffTheList() {
        his(1, 3, ME, RECENT, null);
        SignatureDesk.Stored mine = stored(1, 3, ME);
        BatchScreening.Decision d = screening().decide(0, new SignItem(1, "cms", null));
        assertSame(mine, assertInstanceOf(BatchScreening.AlreadySigned.class, d).signature());
    }

    @Test
    void anOlderSignatureOrSomeoneElsesDoesNotCountAsMine() {
        listed(1, 3, RECENT);
        stored(1, 2, ME);
        candidate(screening().decide(0, new SignItem(1, "cms", null)));
        his(2, 1, ME, RECENT, null);
        stored(2, 1, "D0002");
        assertEquals(ErrorCode.RECORD_NOT_PENDING, refusal(screening().decide(0, new SignItem(2, "cms", null))));
    }

    @Test
    void notOnMyListIsNotPendingUnlessItIsMineAndOlderThanTheWindow() {
        assertEquals(ErrorCode.RECORD_NOT_PENDING, refusal(screening().decide(0, new SignItem(9, "cms", null))),
                "unknown to the HIS");
        his(1, 1, "D0002", RECENT, null);
        assertEquals(ErrorCode.RECORD_NOT_PENDING, refusal(screening().decide(0, new SignItem(1, "cms", null))),
                "someone else's");
        Instant old = NOW.minus(Duration.ofDays(70));
        his(2, 1, ME, old, null);
        assertEquals(ErrorCode.RECORD_OUTSIDE_WINDOW, refusal(screening().decide(0, new SignItem(2, "cms", null))),
                "R1: mine, unsigned, older than two months");
        his(3, 2, ME, old, 2);
        assertEquals(ErrorCode.RECORD_NOT_PENDING, refusal(screening().decide(0, new SignItem(3, "cms", null))),
                "old but signed in the HIS");
        his(4, 1, ME, RECENT, null);
        assertEquals(ErrorCode.RECORD_NOT_PENDING, refusal(screening().decide(0, new SignItem(4, "cms", null))),
                "mine and recent but not listed");
    }

    @Test
    void aListedRecordTheHisNoLongerHasIsNotPending() {
        listed(1, 1, RECENT);
        records.remove(1L);
        assertEquals(ErrorCode.RECORD_NOT_PENDING, refusal(screening().decide(0, new SignItem(1, "cms", null))));
    }

    @Test
    void aVersionChangedSinceListingIsRefusedAsChanged() {
        listed(1, 1, RECENT);
        his(1, 2, ME, RECENT, null);
        assertEquals(ErrorCode.RECORD_CHANGED, refusal(screening().decide(0, new SignItem(1, "cms", null))));
    }

    @Test
    void anOverdueRecordNeedsADelayReasonWhichIsStrippedAndCut() {
        listed(1, 1, DAYS_AGO);
        assertEquals(ErrorCode.DELAY_REASON_REQUIRED, refusal(screening().decide(0, new SignItem(1, "cms", null))));
        assertEquals(ErrorCode.DELAY_REASON_REQUIRED, refusal(screening().decide(0, new SignItem(1, "cms", "  \n"))));
        assertEquals("門診忙碌", candidate(screening().decide(0, new SignItem(1, "cms", "  門診忙碌 "))).delayReason());
        assertEquals(200, candidate(screening().decide(0, new SignItem(1, "cms", "字".repeat(250)))).delayReason().length());
    }

    @Test
    void theDelayIsCountedFromCreationNotFromTheLastModification() {
        Instant created = NOW.minus(Duration.ofHours(30));
        pending.put(1L, view(1, 2, created, RECENT));
        his(1, 2, ME, RECENT, null);
        assertEquals(ErrorCode.DELAY_REASON_REQUIRED, refusal(screening().decide(0, new SignItem(1, "cms", null))));
        pending.put(2L, view(2, 1, NOW.minus(Duration.ofHours(23)), NOW.minus(Duration.ofHours(23))));
        his(2, 1, ME, NOW.minus(Duration.ofHours(23)), null);
        assertNull(candidate(screening().decide(0, new SignItem(2, "cms", null))).delayReason(), "23 hours: in time");
    }

    @Test
    void withoutTheHisAListedVersionIsSignedOverItsIndexedDigest() {
        String digest = "ab".repeat(32);
        pending.put(1L, new PendingView(1, 3, "NURSING", "護理紀錄", "陳O文", "C1", "T0", null, ME, RECENT, RECENT, digest,
                RECENT.plus(Duration.ofHours(24)), DeadlineState.IN_TIME));
        Candidate c = candidate(withoutHis().decide(0, new SignItem(1, "cms", null)));
        assertEquals(3, c.version());
        assertArrayEquals(HexFormat.of().parseHex(digest), c.digest());
        assertEquals(digest, c.listedDigest());
    }

    @Test
    void withoutTheHisTheOtherRulesStillHold() {
        pending.put(1L, withDigest(view(1, 1, DAYS_AGO, DAYS_AGO)));
        assertEquals(ErrorCode.DELAY_REASON_REQUIRED, refusal(withoutHis().decide(0, new SignItem(1, "cms", null))),
                "the 24-hour rule comes from the index, not the HIS");
        assertEquals(ErrorCode.RECORD_NOT_PENDING, refusal(withoutHis().decide(0, new SignItem(9, "cms", null))),
                "not on my list");
        BatchScreening batch = withoutHis();
        candidate(batch.decide(0, new SignItem(1, "cms", "忙")));
        assertEquals(ErrorCode.DUPLICATE_ITEM, refusal(batch.decide(1, new SignItem(1, "cms", "忙"))));
        pending.put(2L, view(2, 1, RECENT, RECENT));
        assertEquals(ErrorCode.RECORD_NOT_PENDING, refusal(withoutHis().decide(0, new SignItem(2, "cms", null))),
                "an index row without a usable digest is not signed blind");
    }

    @Test
    void withoutTheHisARetryOfWhatIStoredIsAlreadySignedButANewerListedVersionIsNot() {
        SignatureDesk.Stored mine = stored(1, 1, ME);
        assertSame(mine, assertInstanceOf(BatchScreening.AlreadySigned.class,
                withoutHis().decide(0, new SignItem(1, "cms", null))).signature(), "off the list: my retry");
        pending.put(1L, withDigest(view(1, 2, RECENT, RECENT)));
        assertEquals(2, candidate(withoutHis().decide(0, new SignItem(1, "cms", null))).version());
        stored(3, 1, "D0002");
        assertEquals(ErrorCode.RECORD_NOT_PENDING, refusal(withoutHis().decide(0, new SignItem(3, "cms", null))),
                "someone else's signature is not mine");
    }

    private static PendingView withDigest(PendingView v) {
        return new PendingView(v.recordId(), v.version(), v.recordType(), v.typeName(), v.patientMasked(), v.chartNumber(),
                v.siteCode(), v.department(), v.author(), v.createdAt(), v.modifiedAt(), "0f".repeat(32), v.dueAt(),
                v.deadline());
    }

    private void listed(long id, int version, Instant created) {
        pending.put(id, view(id, version, created, created));
        his(id, version, ME, created, null);
    }

    private static PendingView view(long id, int version, Instant created, Instant modified) {
        return new PendingView(id, version, "NURSING", "護理紀錄", "陳O文", "C" + id, "T0", null, ME, created, modified,
                "digest-" + id, created.plus(Duration.ofHours(24)), DeadlineState.IN_TIME);
    }

    private void his(long id, int version, String author, Instant modified, Integer signedVersion) {
        records.put(id, new HisRecord(id, "C" + id, "陳大文", "NURSING", "護理紀錄", author, "T0", null, modified, modified,
                version, "內容", signedVersion));
    }

    private SignatureDesk.Stored stored(long id, int version, String signer) {
        SignatureDesk.Stored s = new SignatureDesk.Stored(id * 10, id, version, signer, NOW, false, true);
        stored.put(id, s);
        return s;
    }

    private static Candidate candidate(BatchScreening.Decision d) {
        return assertInstanceOf(BatchScreening.ToVerify.class, d).candidate();
    }

    private static ErrorCode refusal(BatchScreening.Decision d) {
        return assertInstanceOf(BatchScreening.Refused.class, d).reason().errorCode();
    }
}
