package org.govshare.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Search filters, all optional: time range [from, to), organization (as actor's or as target's
 * owner), action prefix, exact actor name, outcome, and a subject key from
 * {@link AuditLog#subjectKey(String)}.
 */
public record AuditSearch(Instant from, Instant to, UUID organizationId, String action, String actorName,
                          AuditOutcome outcome, String subjectKey) {

    public static AuditSearch all() {
        return new AuditSearch(null, null, null, null, null, null, null);
    }
}
