package org.govshare.audit;

import java.time.Instant;
import java.util.UUID;

/** One entry as searches return it (without the chain's hashes and the subject keys). */
public record AuditEntry(long seq, Instant occurredAt, UUID actorUserId, String actorName, UUID organizationId,
                         UUID clientApplicationId, String action, String targetType, String targetId,
                         UUID targetOrganizationId, String purpose, AuditOutcome outcome, String requestId,
                         String detail) {
}
