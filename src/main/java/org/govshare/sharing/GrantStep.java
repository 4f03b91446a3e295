package org.govshare.sharing;

import java.time.Instant;
import java.util.UUID;

/** One entry of a grant's history: issued, narrowed, renewed, revoked, flagged for review, confirmed. */
public record GrantStep(int n, Instant at, String actorName, UUID organizationId, String action, String comment) {
}
