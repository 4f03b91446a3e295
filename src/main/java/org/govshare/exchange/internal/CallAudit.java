package org.govshare.exchange.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.govshare.audit.AuditLog;
import org.govshare.audit.AuditOutcome;
import org.govshare.audit.AuditReceipt;
import org.govshare.audit.AuditRecord;
import org.govshare.platform.Actor;
import org.govshare.platform.CallSlots;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Writes one audit entry per call (per chunk of an export) and waits until it is durable: the
 * group-committing writer batches concurrent calls into one fsync, so waiting costs a few
 * milliseconds, not a disk write per call. If the entry cannot be written, the call fails with
 * 503 and no data leaves.
 */
@Component
class CallAudit {

    private final AuditLog log;
    private final long timeoutMillis;

    CallAudit(AuditLog log, @Value("${govshare.exchange.audit-timeout:5s}") Duration timeout) {
        this.log = log;
        this.timeoutMillis = timeout.toMillis();
    }

    /** What one call did, in the audit's words. */
    record Call(Actor actor, String method, ServedResource resource, String purpose, AuditOutcome outcome,
                String detail, Collection<String> subjects) {
    }

    void record(Call call) {
        AuditRecord.Builder b = AuditRecord.builder("data." + call.method())
            .actor(call.actor())
            .purpose(call.purpose())
            .outcome(call.outcome())
            .requestId(RequestIds.current())
            .detail(call.detail());
        if (call.resource() != null) {
            b.target("resource", call.resource().id().toString(), call.resource().providerId());
        }
        if (call.subjects() != null) {
            call.subjects().forEach(b::subjectId);
        }
        CompletableFuture<AuditReceipt> durable = log.append(b.build());
        // waiting for the commit needs no processor here: another call may use this call's slot
        CallSlots.release();
        try {
            durable.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable();
        }
    }

    String subjectKey(String raw) {
        return log.subjectKey(raw);
    }

    private static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "audit-unavailable", null,
            "problem.audit-unavailable").audited();
    }
}
