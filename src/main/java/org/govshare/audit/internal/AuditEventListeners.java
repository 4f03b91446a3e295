package org.govshare.audit.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.govshare.audit.AuditLog;
import org.govshare.audit.AuditOutcome;
import org.govshare.audit.AuditRecord;
import org.govshare.platform.AuditableEvent;
import org.govshare.platform.AuditableEvent.AuditFacts;
import org.govshare.platform.SecurityEvents.AccessDenied;
import org.govshare.platform.SecurityEvents.LoginFailed;
import org.govshare.platform.SecurityEvents.LoginSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Writes down what other modules report. Domain events arrive after their transaction commits,
 * through the event publication registry: the listener returns only when the entry is durable,
 * so a crash before that leaves the publication incomplete and it is delivered again. Security
 * events come from request threads outside any transaction; those threads must not wait for
 * the disk, so a write failure is only logged.
 */
@Component
class AuditEventListeners {

    private static final Logger log = LoggerFactory.getLogger(AuditEventListeners.class);

    private final AuditLog auditLog;

    AuditEventListeners(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    // No transaction of our own: it would hold a pooled connection while waiting for the writer.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AuditableEvent event) throws InterruptedException, ExecutionException, TimeoutException {
        AuditFacts f = event.auditFacts();
        AuditRecord record = AuditRecord.builder(f.action())
            .actor(f.actor())
            .target(f.targetType(), f.targetId(), f.targetOrganizationId())
            .requestId(f.requestId())
            .detail(f.detail())
            .outcome(AuditOutcome.SUCCESS)
            .build();
        auditLog.append(record).get(30, TimeUnit.SECONDS);
    }

    @EventListener
    void on(LoginSucceeded e) {
        appendLater(AuditRecord.builder("security.login.succeeded")
            .actor(e.userId(), e.username(), e.organizationId())
            .target("user", e.username(), e.organizationId())
            .requestId(e.requestId())
            .detail("from " + e.remoteAddress())
            .build());
    }

    @EventListener
    void on(LoginFailed e) {
        appendLater(AuditRecord.builder("security.login.failed")
            .actor(null, e.username(), null)
            .target("user", e.username(), null)
            .outcome(AuditOutcome.FAILED)
            .requestId(e.requestId())
            .detail(e.reason() + " from " + e.remoteAddress())
            .build());
    }

    @EventListener
    void on(AccessDenied e) {
        appendLater(AuditRecord.builder("security.access.denied")
            .actor(e.actor())
            .target("http", e.method() + " " + e.path(), null)
            .outcome(AuditOutcome.DENIED)
            .requestId(e.requestId())
            .detail(e.reason())
            .build());
    }

    private void appendLater(AuditRecord record) {
        auditLog.append(record).whenComplete((receipt, failure) -> {
            if (failure != null) {
                log.error("Security audit entry {} by {} (request {}) could not be written", record.action(),
                    record.actorName(), record.requestId(), failure);
            }
        });
    }
}
