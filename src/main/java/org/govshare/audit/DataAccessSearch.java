package org.govshare.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Data service calls in the log (actions {@code data.*} on a resource): those to a provider's
 * resources and/or by a consumer's client applications, in [from, to), optionally one resource,
 * one client application, one method.
 */
public record DataAccessSearch(Instant from, Instant to, UUID providerId, UUID consumerId, UUID resourceId,
                               UUID clientApplicationId, String method) {
}
