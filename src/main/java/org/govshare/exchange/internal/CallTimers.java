package org.govshare.exchange.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.govshare.audit.AuditOutcome;
import org.springframework.stereotype.Component;

/**
 * {@code govshare.data.calls}: the time from a call's start to its durable audit entry, by method
 * and outcome. The timers are made once, so recording one is an array lookup and an add.
 */
@Component
class CallTimers {

    private static final List<String> METHODS = List.of("lookup", "query", "verify", "export");

    private final Map<String, Timer> timers = new HashMap<>();

    CallTimers(MeterRegistry meters) {
        for (String method : METHODS) {
            for (AuditOutcome outcome : AuditOutcome.values()) {
                timers.put(method + outcome.ordinal(), Timer.builder("govshare.data.calls")
                    .description("Data service calls, until their audit entry is durable")
                    .tag("method", method).tag("outcome", outcome.name()).register(meters));
            }
        }
    }

    void record(String method, AuditOutcome outcome, long startedNanos) {
        Timer t = timers.get(method + outcome.ordinal());
        if (t != null) {
            t.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        }
    }
}
