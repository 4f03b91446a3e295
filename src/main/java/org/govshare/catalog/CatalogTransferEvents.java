package org.govshare.catalog;

import java.util.UUID;
import org.govshare.platform.Actor;
import org.govshare.platform.AuditableEvent;

/** Audit facts of bulk cataloguing: imports queued and finished, catalog exports. */
public final class CatalogTransferEvents {

    private CatalogTransferEvents() {
    }

    public record ImportQueued(UUID jobId, UUID providerId, String fileName, CatalogTransfer.Mode mode, Actor by,
                               String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.import.queued", "import", jobId.toString(), providerId,
                fileName + " (" + mode + ")");
        }
    }

    public record ImportFinished(UUID jobId, UUID providerId, String fileName, CatalogTransfer.Status status,
                                 int imported, int rejected, Actor by, String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.import.finished", "import", jobId.toString(), providerId,
                fileName + ": " + status + ", " + imported + " imported, " + rejected + " rejected");
        }
    }

    public record CatalogExported(UUID providerId, int resources, Actor by, String requestId) implements AuditableEvent {
        public AuditFacts auditFacts() {
            return new AuditFacts(by, requestId, "catalog.exported", "catalog", providerId == null ? "all"
                : providerId.toString(), providerId, resources + " resources");
        }
    }
}
