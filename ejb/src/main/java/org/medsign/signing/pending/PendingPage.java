package org.medsign.signing.pending;

import java.util.List;

/** One page of a person's pending list, newest first, with the total for the pager. */
public record PendingPage(List<PendingView> items, long total, int page, int size) {
}
