package org.govshare.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a request when its body is ready, without a thread waiting for it. A data call spends
 * most of its time waiting for its durable audit entry; with a thread parked per waiting call,
 * parking and waking threads took a third of the processor time of a lookup (bench/gateway). Here
 * the request's thread returns to the pool as soon as the work is handed over, and the answer is
 * written without blocking once the body completes.
 */
public interface DeferredAnswers {

    /**
     * Sends {@code body} with {@code contentType} once it completes; if it fails with a
     * {@link ProblemException}, that problem (problem+json in the caller's language; a refusal is
     * expected to be audited by whoever refused); with anything else, an internal error, logged with
     * the request id. A body not complete {@code within} is answered 503 {@code answer-timeout}
     * instead. A body already complete is written at once, and a problem it failed with is thrown,
     * as a handler would.
     */
    void send(HttpServletRequest request, HttpServletResponse response, CompletableFuture<byte[]> body,
              String contentType, Duration within) throws IOException;
}
