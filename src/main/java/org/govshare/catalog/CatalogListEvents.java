package org.govshare.catalog;

import java.util.UUID;
import org.govshare.platform.Actor;
import org.govshare.platform.AuditableEvent;

/** Decisions on the responsibility and negative lists and recorded duty changes, for the audit log. */
public final class CatalogListEvents {

    private CatalogListEvents() {
    }

    public record ResponsibilitySettled(String standardName, UUID organizationId, Actor by, String requestId)
        implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.responsibility.settled", "data-item", standardName,
                organizationId, null);
        }
    }

    public record NegativeListChallenged(UUID challengeId, UUID resourceId, UUID providerId, String status, Actor by,
                                         String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.negative-list." + status.toLowerCase(), "resource",
                resourceId.toString(), providerId, "challenge " + challengeId);
        }
    }

    public record DutyChangeRecorded(UUID dutyChangeId, UUID organizationId, Actor by, String requestId)
        implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.duty-change.recorded", "organization", organizationId.toString(),
                organizationId, null);
        }
    }
}
