package org.govshare.notification.internal;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govshare.notification.DeliveryStatus;
import org.govshare.notification.internal.NotificationStore.ClaimedDelivery;
import org.govshare.notification.internal.NotificationStore.ClaimedMail;
import org.govshare.notification.internal.NotificationStore.NoticeRow;
import org.govshare.platform.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends what notices queued: e-mails and webhook deliveries. Every tick, and right after a notice is
 * committed, it claims due rows ({@code for update skip locked} plus a lease, so several nodes share
 * the work and never send one row twice), sends them, and records each attempt: delivered, or tried
 * again after the configured backoff, or FAILED after the last attempt.
 *
 * <p>A webhook delivery is a POST of the notice as JSON, signed with the endpoint's secret:
 * {@code X-Govshare-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))} with the
 * timestamp in {@code X-Govshare-Timestamp}; 2xx counts as delivered, anything else (redirects
 * included, which are never followed) as a failed attempt. The target is resolved and checked again
 * before each attempt.
 */
@Component
class NotificationSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString()
        .substring(0, 8);

    private final NotificationStore store;
    private final MailChannel mail;
    private final SecretBox secrets;
    private final NotificationProperties properties;
    private final WebhookTargets targets;
    private final String baseUrl;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    NotificationSender(NotificationStore store, MailChannel mail, SecretBox secrets, NotificationProperties properties,
                       @org.springframework.beans.factory.annotation.Value("${govshare.public-base-url:http://localhost:8080}")
                       String baseUrl) {
        this.store = store;
        this.mail = mail;
        this.secrets = secrets;
        this.properties = properties;
        this.targets = new WebhookTargets(properties.webhooks().allowHttp(), properties.webhooks().allowPrivateNetworks());
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhooks().connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    // ---- lifecycle

    @Override
    public void start() {
        if (!properties.sender()) {
            return;
        }
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-sender");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(100, properties.tick().toMillis());
        e.scheduleWithFixedDelay(this::drain, tick, tick, TimeUnit.MILLISECONDS);
        executor = e;
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdown();
            try {
                if (!e.awaitTermination(20, TimeUnit.SECONDS)) {
                    e.shutdownNow();
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Looks for due rows soon, on the sender's thread (at most one such wake-up waits at a time). */
    void wake() {
        ScheduledExecutorService e = executor;
        if (e != null && wakeQueued.compareAndSet(false, true)) {
            try {
                e.execute(() -> {
                    wakeQueued.set(false);
                    drain();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                wakeQueued.set(false);
            }
        }
    }

    /** Sends due rows until fewer than a batch are due. */
    void drain() {
        try {
            boolean more = true;
            while (more && executor != null) {
                int mails = mail.enabled() ? sendMails() : 0;
                int deliveries = sendDeliveries();
                more = mails >= properties.batch() || deliveries >= properties.batch();
            }
        } catch (RuntimeException e) {
            log.warn("Notification sender turn failed: {}", e.toString());
        }
    }

    // ---- e-mail

    private int sendMails() {
        Instant now = clock.instant();
        List<ClaimedMail> claimed = store.claimMails(NODE, now, now.plus(properties.lease()), properties.batch());
        for (ClaimedMail m : claimed) {
            String error = null;
            try {
                mail.send(m.notice(), m.recipient());
            } catch (Exception e) {
                error = "mail: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            finish(m.id(), m.attempts(), error == null, error, null, true);
        }
        return claimed.size();
    }

    // ---- webhooks

    private int sendDeliveries() {
        Instant now = clock.instant();
        List<ClaimedDelivery> claimed = store.claimDeliveries(NODE, now, now.plus(properties.lease()), properties.batch());
        List<Runnable> finishers = new ArrayList<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (ClaimedDelivery d : claimed) {
            HttpRequest request;
            try {
                URI uri = targets.parse(d.url());
                targets.checkTarget(uri);
                request = request(d, uri);
            } catch (WebhookTargets.Refused r) {
                finishers.add(() -> finish(d.id(), d.attempts(), false, r.code() + ": " + r.getMessage(), null, false));
                continue;
            } catch (RuntimeException e) {
                finishers.add(() -> finish(d.id(), d.attempts(), false, "prepare: " + e, null, false));
                continue;
            }
            CompletableFuture<HttpResponse<String>> f = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            inFlight.add(f);
            finishers.add(() -> {
                try {
                    HttpResponse<String> r = f.join();
                    boolean ok = r.statusCode() >= 200 && r.statusCode() < 300;
                    finish(d.id(), d.attempts(), ok, ok ? null : "http-" + r.statusCode() + snippet(r.body()),
                        r.statusCode(), false);
                } catch (CompletionException e) {
                    finish(d.id(), d.attempts(), false, describe(e.getCause()), null, false);
                }
            });
        }
        if (!inFlight.isEmpty()) {
            try {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(x -> null).join();
            } catch (RuntimeException ignored) {
                // each delivery's outcome is read below
            }
        }
        finishers.forEach(Runnable::run);
        return claimed.size();
    }

    private HttpRequest request(ClaimedDelivery d, URI uri) {
        byte[] body = body(d.notice());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = sign(secrets.open(d.secretSealed()), timestamp, body);
        return HttpRequest.newBuilder(uri).timeout(properties.webhooks().readTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "govshare-webhook/1")
            .header("X-Govshare-Delivery", d.id().toString())
            .header("X-Govshare-Event", d.notice().kind())
            .header("X-Govshare-Timestamp", timestamp)
            .header("X-Govshare-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The payload: the notice without its text (receivers render their own), the link made absolute. */
    byte[] body(NoticeRow n) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", n.id().toString());
        payload.put("kind", n.kind());
        payload.put("createdAt", n.createdAt().toString());
        payload.put("organizationId", n.organizationId().toString());
        payload.put("subjectType", n.subjectType());
        payload.put("subjectId", n.subjectId());
        payload.put("link", baseUrl + n.link());
        payload.put("data", n.data());
        return NotificationStore.JSON.writeValueAsBytes(payload);
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} under the secret's UTF-8 bytes. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- outcome

    private void finish(UUID id, int attemptsBefore, boolean ok, String error, Integer httpStatus, boolean isMail) {
        Instant now = clock.instant();
        int attempts = attemptsBefore + 1;
        DeliveryStatus status;
        Instant next = null;
        if (ok) {
            status = DeliveryStatus.DELIVERED;
        } else {
            Duration wait = properties.backoffAfter(attempts);
            status = wait == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
            next = wait == null ? null : now.plus(wait);
            if (wait == null) {
                log.warn("{} {} failed for good after {} attempts: {}", isMail ? "E-mail" : "Webhook delivery", id,
                    attempts, error);
            }
        }
        try {
            if (isMail) {
                store.finishMail(id, NODE, status, error, next, now);
            } else {
                store.finishDelivery(id, NODE, status, httpStatus, error, next, now);
            }
        } catch (RuntimeException e) {
            log.warn("Could not record the outcome of {}: {}", id, e.toString());
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "connect-timeout";
        }
        if (t instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (t instanceof java.net.ConnectException) {
            return "connect-refused" + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return "io: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String s = body.strip().replaceAll("\\s+", " ");
        return ": " + (s.length() > 200 ? s.substring(0, 200) : s);
    }
}
