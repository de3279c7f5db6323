package org.medsign.signing;

import java.util.List;

/** A person's deadline picture for 首頁: counts and the records due soonest. */
public record DeadlineSummary(long pending, long approaching, long overdue, List<PendingView> soonest) {
}
