package org.medsign.card.validation;

import java.net.URI;
import java.time.Instant;

/** One cached card CRL: where from, when fetched, its thisUpdate and nextUpdate, and the last failed refetch if any. */
public record CrlFreshness(URI location, Instant fetchedAt, Instant thisUpdate, Instant nextUpdate, Instant lastFailure) {
}
