package org.medsign.signing.overdue;

import org.medsign.signing.pending.PendingView;

import java.util.List;

/**
 * A person's deadline picture for 首頁: counts, how many of the pending versions the institution signed meanwhile
 * (they still need the person's own 補簽), and the records due soonest.
 */
public record DeadlineSummary(long pending, long approaching, long overdue, long institutionSigned,
                              List<PendingView> soonest) {
}
