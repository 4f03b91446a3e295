package org.govshare.catalog.internal.search;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * At most so many searches at once, the others waiting their turn in arrival order. Time-slicing
 * sixteen searches over two cores stretched every heavy one many times over; in turn, each runs
 * at full speed (search engines size their search thread pools to the processors for the same
 * reason). Refused as busy (503) after waiting {@code timeout}.
 */
final class SearchTurns {

    private final Semaphore turns;
    private final Duration timeout;

    SearchTurns(int concurrent, Duration timeout) {
        this.turns = new Semaphore(concurrent, true);
        this.timeout = timeout;
    }

    <T> T run(Supplier<T> search) {
        try {
            if (!turns.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return search.get();
        } finally {
            turns.release();
        }
    }

    private static ProblemException busy() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "search-busy", null, "search.problem.search-busy");
    }
}
