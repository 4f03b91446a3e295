package org.govshare.platform;

/**
 * A domain event that is also an audit fact. Modules publish these inside their transaction; the
 * audit module writes each one after commit (through the event publication registry, so none is
 * lost on a crash), without the publishing module knowing the audit module.
 */
public interface AuditableEvent {

    AuditFacts auditFacts();

    /** What the audit log records about the event. */
    record AuditFacts(Actor actor, String requestId, String action, String targetType, String targetId,
                      java.util.UUID targetOrganizationId, String detail) {
    }
}
