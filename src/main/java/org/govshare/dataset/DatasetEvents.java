package org.govshare.dataset;

import java.time.Instant;
import java.util.UUID;
import org.govshare.platform.Actor;
import org.govshare.platform.AuditableEvent;

/**
 * What happened to a resource's records. {@link RecordsChanged} carries the change sequence range
 * subscribers (data service, base libraries) read from; every event is an audit entry.
 */
public final class DatasetEvents {

    private DatasetEvents() {
    }

    public record RecordsChanged(UUID resourceId, UUID providerId, UUID loadId, LoadChannel channel, int version,
                                 long firstSeq, long lastSeq, long inserted, long updated, long deleted, Actor by,
                                 String requestId) implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "dataset.load.applied", "load", loadId.toString(), providerId,
                channel + " v" + version + " +" + inserted + " ~" + updated + " -" + deleted);
        }
    }

    public record LoadFailed(UUID resourceId, UUID providerId, UUID loadId, LoadChannel channel, String code,
                             long rowsRejected, Actor by, String requestId) implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "dataset.load.failed", "load", loadId.toString(), providerId,
                code + " (" + rowsRejected + " rows rejected)");
        }
    }

    public record LoadRolledBack(UUID resourceId, UUID providerId, UUID loadId, UUID rollbackLoadId, Actor by,
                                 String requestId) implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "dataset.load.rolled-back", "load", loadId.toString(), providerId,
                "by " + rollbackLoadId);
        }
    }

    public record RulesChanged(UUID resourceId, UUID providerId, Actor by, String requestId) implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "dataset.rules.changed", "resource", resourceId.toString(),
                providerId, null);
        }
    }

    /**
     * A scheduled or manual pull from a staging database failed: the load (FAILED, nothing applied),
     * its code and reason, and when it is tried again ({@code retryAt} null: at the next regular run).
     */
    public record PullFailed(UUID resourceId, UUID providerId, UUID loadId, UUID sourceId, String code, String reason,
                             int failures, java.time.Instant retryAt, Actor by, String requestId)
        implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "dataset.pull.failed", "resource", resourceId.toString(), providerId,
                code + " (failure " + failures + (retryAt == null ? ", next regular run" : ", retry at " + retryAt)
                    + "): " + (reason == null ? "" : reason.length() > 300 ? reason.substring(0, 300) : reason));
        }
    }

    /** Someone read a department's records in the console or the API: audited like every data access. */
    public record RecordsRead(UUID resourceId, UUID providerId, String query, int records, Actor by, String requestId)
        implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "dataset.records.read", "resource", resourceId.toString(), providerId,
                (query == null ? "" : "q=" + query + " ") + records + " records");
        }
    }

    /**
     * A promising resource's records went past their due time without an applied load; published once
     * per overdue period (a new load starts a new period) by the daily freshness sweep.
     */
    public record DatasetOverdue(UUID resourceId, UUID providerId, Instant dueAt) implements AuditableEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(org.govshare.platform.CurrentActor.system(), null, "dataset.overdue", "resource",
                resourceId.toString(), providerId, "due " + dueAt);
        }
    }
}
