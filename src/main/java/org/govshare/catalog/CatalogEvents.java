package org.govshare.catalog;

import java.util.UUID;
import org.govshare.platform.Actor;
import org.govshare.platform.AuditableEvent;

/**
 * What happened in the catalog. {@link ResourcePublished} with a version above 1 is a change
 * consumers of the resource must hear about; search indexes follow all of them.
 */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    public record ResourceRegistered(UUID resourceId, String code, UUID providerId, Actor by, String requestId)
        implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.resource.registered", "resource", code, providerId, null);
        }
    }

    public record ResourceEdited(UUID resourceId, String code, UUID providerId, Actor by, String requestId)
        implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.resource.edited", "resource", code, providerId, null);
        }
    }

    public record ResourceSubmitted(UUID resourceId, String code, UUID providerId, Actor by, String requestId)
        implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.resource.submitted", "resource", code, providerId, null);
        }
    }

    public record ResourceReturned(UUID resourceId, String code, UUID providerId, String comment, Actor by,
                                   String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.resource.returned", "resource", code, providerId, comment);
        }
    }

    public record ResourcePublished(UUID resourceId, String code, UUID providerId, int version, Actor by,
                                    String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.resource.published", "resource", code, providerId,
                "version " + version);
        }
    }

    public record ResourceWithdrawn(UUID resourceId, String code, UUID providerId, String reason, Actor by,
                                    String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.resource.withdrawn", "resource", code, providerId, reason);
        }
    }
}
