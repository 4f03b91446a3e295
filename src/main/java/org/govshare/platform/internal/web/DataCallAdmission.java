package org.govshare.platform.internal.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.govshare.platform.CallSlots;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Admission control for the data service: at most {@code slots} calls run at once, the others wait
 * in arrival order (a fair semaphore), and a call that waited longer than {@code maxWait} is told the
 * service is busy (503 with Retry-After) instead of adding to an ever longer queue. Without it every
 * waiting call is a runnable thread and all of them share the processors: under load the slowest
 * calls took ten times the average. A call gives its slot back while it waits for its audit entry
 * ({@link CallSlots#release()}), at the latest when it leaves this filter.
 */
final class DataCallAdmission implements Filter {

    private final Semaphore slots;
    private final Runnable giveBack;
    private final long maxWaitNanos;
    private final Problems problems;
    private final Counter busy;

    DataCallAdmission(int slots, Duration maxWait, Problems problems, MeterRegistry meters) {
        this.slots = new Semaphore(slots, true);
        this.giveBack = this.slots::release;
        this.maxWaitNanos = maxWait.toNanos();
        this.problems = problems;
        this.busy = Counter.builder("govshare.data.admission.refused")
            .description("Data calls refused 503 because they waited longer than the admission limit")
            .register(meters);
        Gauge.builder("govshare.data.admission.waiting", this.slots, Semaphore::getQueueLength)
            .description("Data calls waiting for a slot").register(meters);
        Gauge.builder("govshare.data.admission.slots", this.slots, s -> slots)
            .description("Data calls that may run at once").register(meters);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean admitted;
        try {
            admitted = slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse((HttpServletRequest) req, (HttpServletResponse) res);
            return;
        }
        CallSlots.held(giveBack);
        try {
            chain.doFilter(req, res);
        } finally {
            CallSlots.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        busy.increment();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(maxWaitNanos));
        // the limit as configured (it may be under a second), the retry in whole seconds as the header says
        BigDecimal waited = BigDecimal.valueOf(TimeUnit.NANOSECONDS.toMillis(maxWaitNanos), 3).stripTrailingZeros();
        ProblemDetail problem = problems.of(request, HttpStatus.SERVICE_UNAVAILABLE, "data-service-busy", null,
            "problem.data-service-busy", waited.toPlainString(), seconds);
        problem.setProperty("retryAfterSeconds", seconds);
        problems.write(request, response, problem);
    }
}
