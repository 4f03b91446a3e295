package org.govshare.dataset;

import java.util.UUID;
import org.govshare.platform.Actor;
import org.govshare.platform.AuditableEvent;

/** Changes to staging databases and pull definitions, and connection tests: each an audit entry (never a password). */
public final class SourceDatabaseEvents {

    private SourceDatabaseEvents() {
    }

    /** {@code action}: created, changed, password-changed, deleted. */
    public record SourceDatabaseChanged(UUID sourceId, UUID organizationId, String name, String action, Actor by,
                                        String requestId) implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "dataset.source." + action, "source-database", sourceId.toString(),
                organizationId, name);
        }
    }

    public record SourceDatabaseTested(UUID sourceId, UUID organizationId, boolean ok, String outcome, Actor by,
                                       String requestId) implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "dataset.source.tested", "source-database", sourceId.toString(),
                organizationId, (ok ? "ok " : "failed ") + outcome);
        }
    }

    /** {@code action}: defined, removed. */
    public record PullDefinitionChanged(UUID resourceId, UUID providerId, UUID sourceId, String action, Actor by,
                                        String requestId) implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "dataset.pull." + action, "resource", resourceId.toString(),
                providerId, sourceId == null ? null : "source " + sourceId);
        }
    }
}
