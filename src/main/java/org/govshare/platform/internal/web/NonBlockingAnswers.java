package org.govshare.platform.internal.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.govshare.platform.DeferredAnswers;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Deferred answers on the servlet container's asynchronous, non-blocking output, written by one
 * thread of their own. Writing answers one after another on a single thread, as their audit
 * entries commit together, is what saves the processor time: handing each answer to the
 * container's pool instead put it in the queue behind new requests and measured no better than a
 * thread parked per call (bench/gateway). The writes never block: a client that does not read
 * leaves its answer buffered by the container, which finishes it on its own threads when the
 * socket drains. And the connection is handed back to the container to complete the exchange, so
 * that a next request already waiting on it is served by the container's threads, never by this
 * one.
 */
@Component
class NonBlockingAnswers implements DeferredAnswers, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NonBlockingAnswers.class);

    private final Problems problems;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "answer-writer");
        t.setDaemon(true);
        return t;
    });

    NonBlockingAnswers(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void send(HttpServletRequest request, HttpServletResponse response, CompletableFuture<byte[]> body,
                     String contentType, Duration within) throws IOException {
        if (body.isDone()) {
            byte[] bytes = now(body);
            response.setContentType(contentType);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            return;
        }
        // the container's own objects: the filters' wrappers are done with once the chain has returned
        AsyncContext async = request.startAsync();
        async.setTimeout(Math.max(1, within.toMillis()));
        Answer answer = new Answer(async, contentType, RequestIds.current(), within);
        async.addListener(answer);
        body.whenComplete((bytes, error) -> hand(answer, bytes, error));
    }

    /**
     * Runs on the thread that completed the body (the audit writer's), which must not be held up
     * nor fail here: only queues the answer for the answer writer.
     */
    private void hand(Answer answer, byte[] bytes, Throwable error) {
        try {
            writer.execute(() -> answer.accept(bytes, error));
        } catch (RejectedExecutionException e) {
            // shutting down: the container's timeout answers it, if the connection is still there
            log.debug("Answer for request {} not sent: the answer writer has stopped", answer.requestId);
        }
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }

    /** A completed body, or the problem it failed with thrown as a handler would throw it. */
    private static byte[] now(CompletableFuture<byte[]> body) {
        try {
            return body.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * One answer on its way: settled once (by the body or by the container's timeout), then written
     * when the container says the socket can take it, then completed.
     */
    private final class Answer implements BiConsumer<byte[], Throwable>, WriteListener, AsyncListener {

        private final AsyncContext async;
        private final String contentType;
        private final String requestId;
        private final Duration within;
        private final AtomicBoolean settled = new AtomicBoolean();
        private byte[] bytes;
        private Throwable failure;
        private boolean written;
        // the answer writer, while it registers the write listener
        private volatile Thread registering;
        private boolean sent;

        Answer(AsyncContext async, String contentType, String requestId, Duration within) {
            this.async = async;
            this.contentType = contentType;
            this.requestId = requestId;
            this.within = within;
        }

        /**
         * On the answer writer: registers for writing, which makes the container call
         * {@link #onWritePossible()} right here when the socket can take the answer; then completes
         * the exchange from outside that call, so the container finishes it on its own threads.
         */
        @Override
        public void accept(byte[] body, Throwable error) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            bytes = body;
            failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            try {
                registering = Thread.currentThread();
                async.getResponse().getOutputStream().setWriteListener(this);
            } catch (IOException | RuntimeException e) {
                // the exchange ended meanwhile (the client left, or the container gave up on it)
                log.debug("Answer for request {} not sent: {}", requestId, e.toString());
                return;
            } finally {
                registering = null;
            }
            if (sent) {
                complete();
            }
        }

        @Override
        public void onWritePossible() throws IOException {
            ServletOutputStream out = async.getResponse().getOutputStream();
            if (!written) {
                written = true;
                out.write(failure == null ? prepared() : problem());
                out.flush();
            }
            if (out.isReady()) {
                if (registering == Thread.currentThread()) {
                    sent = true; // completed by accept, once the container has let go of the connection
                } else {
                    complete();
                }
            }
        }

        private byte[] prepared() {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            response.setContentType(contentType);
            response.setContentLength(bytes.length);
            return bytes;
        }

        private byte[] problem() {
            HttpServletRequest request = (HttpServletRequest) async.getRequest();
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            if (requestId != null) {
                MDC.put(RequestIds.MDC_KEY, requestId);
            }
            try {
                ProblemDetail problem;
                if (failure instanceof ProblemException e) {
                    problem = problems.of(request, e);
                } else {
                    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), failure);
                    problem = problems.of(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null,
                        "problem.internal-error");
                }
                byte[] body = problems.body(request, problem);
                problems.prepare(response, problem);
                response.setContentLength(body.length);
                return body;
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
            }
        }

        @Override
        public void onError(Throwable t) {
            log.debug("Writing the answer for request {} failed: {}", requestId, t.toString());
            complete();
        }

        /**
         * The body did not complete in time: a busy answer instead, whatever the body does later.
         * On a container thread with no write listener yet, so written the ordinary, blocking way.
         */
        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            failure = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "answer-timeout", null,
                "problem.answer-timeout", BigDecimal.valueOf(within.toMillis(), 3).stripTrailingZeros().toPlainString());
            try {
                async.getResponse().getOutputStream().write(problem());
            } finally {
                complete();
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            settled.set(true);
            complete();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // nothing to release
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

        private void complete() {
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // already completed
            }
        }
    }
}
