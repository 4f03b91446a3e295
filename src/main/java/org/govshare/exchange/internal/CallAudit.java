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
 * Writes one audit entry per call (per chunk of an export); the answer leaves only once it is
 * durable. The group-committing writer batches concurrent calls into one fsync, so that costs a few
 * milliseconds, not a disk write per call; and no thread waits for it (calls answer through
 * {@link org.govshare.platform.DeferredAnswers}), except an export's, between its chunks. If the
 * entry cannot be written, the call fails with 503 and no data leaves.
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

    /**
     * Appends the call's entry and gives back the call's slot (waiting for the commit needs no
     * processor here). The future completes when the entry is durable, or fails with 503
     * audit-unavailable: nothing may be answered then.
     */
    CompletableFuture<Void> recordLater(Call call) {
        CompletableFuture<AuditReceipt> durable = log.append(entry(call));
        CallSlots.release();
        return durable.handle((receipt, error) -> {
            if (error != null) {
                throw unavailable();
            }
            return null;
        });
    }

    /** Waits for an entry to be durable, at most the audit timeout; 503 audit-unavailable if it is not. */
    void await(CompletableFuture<Void> durable) {
        try {
            durable.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable();
        }
    }

    private static AuditRecord entry(Call call) {
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
        return b.build();
    }

    String subjectKey(String raw) {
        return log.subjectKey(raw);
    }

    private static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "audit-unavailable", null,
            "problem.audit-unavailable").audited();
    }
}
