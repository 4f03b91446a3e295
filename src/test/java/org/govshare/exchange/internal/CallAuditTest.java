package org.govshare.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.govshare.audit.AuditLog;
import org.govshare.audit.AuditLogUnavailableException;
import org.govshare.audit.AuditOutcome;
import org.govshare.audit.AuditReceipt;
import org.govshare.audit.AuditRecord;
import org.govshare.platform.Actor;
import org.govshare.platform.CallSlots;
import org.govshare.platform.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * A call's audit entry on its way: the answer's future completes only when the log says the entry
 * is durable, fails with 503 audit-unavailable when it is not, and the call's admission slot is
 * given back as soon as the entry is queued, before any waiting.
 */
class CallAuditTest {

    private final CompletableFuture<AuditReceipt> durable = new CompletableFuture<>();
    private final AuditLog log = new AuditLog() {
        @Override
        public CompletableFuture<AuditReceipt> append(AuditRecord record) {
            return durable;
        }

        @Override
        public String subjectKey(String rawIdentifier) {
            return rawIdentifier;
        }
    };
    private final CallAudit audit = new CallAudit(log, Duration.ofMillis(200));
    private final CallAudit.Call call = new CallAudit.Call(Actor.ofClient(UUID.randomUUID(), "client", UUID.randomUUID()),
        "lookup", null, "test", AuditOutcome.SUCCESS, "1 record", List.of("k"));

    @Test
    void theAnswerWaitsForTheEntryAndTheSlotDoesNot() {
        AtomicInteger released = new AtomicInteger();
        CallSlots.held(released::incrementAndGet);
        CompletableFuture<Void> answer = audit.recordLater(call);
        assertThat(released).hasValue(1);
        assertThat(answer).isNotDone();
        durable.complete(new AuditReceipt(1, java.time.Instant.now()));
        assertThat(answer).isCompleted();
    }

    @Test
    void anEntryThatCannotBeWrittenIsAudit503AndNoAnswer() {
        CompletableFuture<Void> answer = audit.recordLater(call);
        durable.completeExceptionally(new AuditLogUnavailableException("disk full"));
        assertThatThrownBy(answer::join).isInstanceOf(CompletionException.class)
            .cause().isInstanceOfSatisfying(ProblemException.class, p -> {
                assertThat(p.status().value()).isEqualTo(503);
                assertThat(p.code()).isEqualTo("audit-unavailable");
                assertThat(p.isAudited()).isTrue();
            });
    }

    @Test
    void anExportChunkWhoseEntryIsNotDurableInTimeIsAudit503() {
        assertThatThrownBy(() -> audit.await(audit.recordLater(call)))
            .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("audit-unavailable"));
    }
}
