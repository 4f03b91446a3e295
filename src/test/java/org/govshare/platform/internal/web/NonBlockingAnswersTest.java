package org.govshare.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.govshare.platform.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deferred answers on a real Tomcat: the body, a problem, a failure and a timeout each reach the
 * client as they should, and a request that follows on the same connection is served by the
 * container's threads, never by the answer writer (which must stay free for everyone's answers).
 */
class NonBlockingAnswersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path base;

    static Tomcat tomcat;
    static int port;
    static NonBlockingAnswers answers;

    @BeforeAll
    static void start() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        answers = new NonBlockingAnswers(new Problems(messages, new LocaleConfiguration().localeResolver()));
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.getConnector().setPort(0);
        Context context = tomcat.addContext("", base.toString());
        Wrapper servlet = Tomcat.addServlet(context, "answers", new AnsweringServlet());
        servlet.setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "answers");
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        answers.destroy();
        LATER.shutdownNow();
        tomcat.stop();
        tomcat.destroy();
    }

    /** Answers each path its own way; /thread names the thread serving it. */
    static final class AnsweringServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            CompletableFuture<byte[]> body = new CompletableFuture<>();
            Duration within = Duration.ofSeconds(5);
            switch (request.getRequestURI()) {
                case "/later" -> LATER.schedule(() -> body.complete("{\"n\":1}".getBytes(StandardCharsets.UTF_8)),
                    50, TimeUnit.MILLISECONDS);
                case "/now" -> body.complete("{\"n\":0}".getBytes(StandardCharsets.UTF_8));
                case "/refused" -> LATER.schedule(() -> body.completeExceptionally(new ProblemException(
                    HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded", null, "problem.quota-exceeded", 10, "G-1")
                    .with("retryAfterSeconds", 60)), 50, TimeUnit.MILLISECONDS);
                case "/broken" -> LATER.schedule(() -> body.completeExceptionally(new IllegalStateException("boom")),
                    50, TimeUnit.MILLISECONDS);
                case "/never" -> within = Duration.ofMillis(300);
                case "/thread" -> body.complete(Thread.currentThread().getName().getBytes(StandardCharsets.UTF_8));
                default -> {
                    response.sendError(404);
                    return;
                }
            }
            answers.send(request, response, body, "application/json", within);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyCompletedLaterIsSentWithItsTypeAndLength() throws Exception {
        HttpResponse<String> r = get("/later");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"n\":1}");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("Content-Length")).hasValue("7");
    }

    @Test
    void aBodyAlreadyCompleteIsWrittenAtOnce() throws Exception {
        HttpResponse<String> r = get("/now");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"n\":0}");
    }

    @Test
    void aRefusalArrivingLaterIsAProblemInTheCallersLanguageWithItsRetryAfter() throws Exception {
        HttpResponse<String> r = get("/refused");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).hasValue("60");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("code").asString()).isEqualTo("quota-exceeded");
        assertThat(problem.get("detail").asString()).contains("G-1").containsPattern("\\p{IsHan}");
        assertThat(problem.get("retryAfterSeconds").asInt()).isEqualTo(60);
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithoutItsMessage() throws Exception {
        HttpResponse<String> r = get("/broken");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo("internal-error");
        assertThat(r.body()).doesNotContain("boom");
    }

    @Test
    void aBodyThatNeverCompletesIsAnsweredBusyAfterItsTime() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> r = get("/never");
        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("code").asString()).isEqualTo("answer-timeout");
        assertThat(problem.get("detail").asString()).contains("0.3");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aRequestWaitingBehindADeferredAnswerIsServedByTheContainerNotTheAnswerWriter() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // both requests at once: the second is on the connection before the first is answered
            out.write(("GET /later HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /thread HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String both = readResponses(socket.getInputStream(), 2);
            assertThat(both).contains("{\"n\":1}");
            String served = both.substring(both.lastIndexOf("\r\n\r\n") + 4);
            assertThat(served).isNotBlank().doesNotContain("answer-writer");
        }
    }

    /** Reads until {@code count} responses with Content-Length bodies have arrived. */
    private static String readResponses(InputStream in, int count) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (complete(all.toString(StandardCharsets.UTF_8)) < count) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            all.write(buffer, 0, n);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    private static int complete(String text) {
        int found = 0;
        int at = 0;
        while (true) {
            int head = text.indexOf("\r\n\r\n", at);
            if (head < 0) {
                return found;
            }
            String headers = text.substring(at, head).toLowerCase();
            int i = headers.indexOf("content-length:");
            int length = i < 0 ? 0 : Integer.parseInt(headers.substring(i + 15).split("\r\n")[0].strip());
            if (text.length() < head + 4 + length) {
                return found;
            }
            found++;
            at = head + 4 + length;
        }
    }
}
