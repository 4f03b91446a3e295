package org.govshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound webhooks through the JSON API with a JDK HttpServer as the receiver: the signed payload,
 * retries after failures until delivered or FAILED after the configured attempts (three in the
 * tests), manual redelivery, URL rules, ownership, and the secret sealed at rest.
 */
@IntegrationTest
class WebhookDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    JdbcClient jdbc;

    private UUID notify(Notice notice) {
        return CurrentActor.runAs(CurrentActor.system(), () -> notifications.notify(notice));
    }

    private JsonNode register(HttpApi api, String url, String... kinds) {
        String kindList = kinds.length == 0 ? "" : "\"" + String.join("\",\"", kinds) + "\"";
        Response r = api.post("/api/v1/notifications/webhooks", """
            {"url":"%s","description":"审批系统","kinds":[%s]}""".formatted(url, kindList));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode delivery(HttpApi api, String webhookId, UUID noticeId) {
        for (JsonNode d : api.get("/api/v1/notifications/webhooks/" + webhookId + "/deliveries?size=200").json()
                .get("items")) {
            if (d.get("noticeId").asString().equals(noticeId.toString())) {
                return d;
            }
        }
        return null;
    }

    /** What a receiver does: HMAC-SHA256 over timestamp "." body with the secret, in hex. */
    private static String expectedSignature(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    private void makeDue(UUID noticeId) {
        jdbc.sql("update notification_delivery set next_attempt_at = now() where notice_id = ? and status = 'PENDING'")
            .param(noticeId).update();
    }

    @Test
    void aNoticeIsPostedSignedToTheOrganizationsMatchingEndpoints() throws Exception {
        NotificationFixtures f = new NotificationFixtures(port);
        HttpApi admin = f.as(f.person("admin", null, "ORG_ADMIN"));
        try (WebhookReceiver all = new WebhookReceiver(); WebhookReceiver filtered = new WebhookReceiver()) {
            JsonNode issued = register(admin, all.url());
            String secret = issued.get("secret").asString();
            String webhookId = issued.get("webhook").get("id").asString();
            assertThat(secret).startsWith("whsec_");
            register(admin, filtered.url(), "something.else");

            // the secret is sealed at rest and never shown again
            String stored = jdbc.sql("select secret_sealed from notification_webhook where id = ?::uuid")
                .param(webhookId).query(String.class).single();
            assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6));
            assertThat(admin.get("/api/v1/notifications/webhooks/" + webhookId).body()).doesNotContain(secret);
            assertThat(admin.get("/api/v1/notifications/webhooks").body()).doesNotContain(secret);

            UUID noticeId = notify(new Notice(f.organizationId, Set.of(Roles.REVIEWER), "sharing.application.submitted",
                "test.notice.review", List.of("SQ-1"), "/sharing/applications/7", "sharing-application", "7",
                Map.of("applicationId", "7", "items", 3)));

            await().atMost(WAIT).until(() -> all.requests().size() == 1);
            WebhookReceiver.Request got = all.requests().get(0);
            JsonNode body = JSON.readTree(got.body());
            assertThat(body.get("id").asString()).isEqualTo(noticeId.toString());
            assertThat(body.get("kind").asString()).isEqualTo("sharing.application.submitted");
            assertThat(body.get("organizationId").asString()).isEqualTo(f.organizationId.toString());
            assertThat(body.get("subjectType").asString()).isEqualTo("sharing-application");
            assertThat(body.get("subjectId").asString()).isEqualTo("7");
            assertThat(body.get("link").asString()).isEqualTo("http://localhost:8080/sharing/applications/7");
            assertThat(body.get("createdAt").asString()).isNotBlank();
            assertThat(body.get("data").get("items").asInt()).isEqualTo(3);
            assertThat(got.header("X-Govshare-Event")).isEqualTo("sharing.application.submitted");
            String timestamp = got.header("X-Govshare-Timestamp");
            assertThat(Long.parseLong(timestamp)).isPositive();
            assertThat(got.header("X-Govshare-Signature")).isEqualTo(expectedSignature(secret, timestamp, got.body()));
            assertThat(got.header("X-Govshare-Signature")).isNotEqualTo(expectedSignature("whsec_other", timestamp,
                got.body()));

            await().atMost(WAIT).until(() -> "DELIVERED".equals(delivery(admin, webhookId, noticeId).get("status")
                .asString()));
            JsonNode d = delivery(admin, webhookId, noticeId);
            assertThat(got.header("X-Govshare-Delivery")).isEqualTo(d.get("id").asString());
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
            assertThat(d.get("lastStatus").asInt()).isEqualTo(200);
            assertThat(d.get("deliveredAt").isNull()).isFalse();
            // the endpoint filtering on another kind got no delivery at all
            assertThat(jdbc.sql("select count(*) from notification_delivery where notice_id = ?").param(noticeId)
                .query(Long.class).single()).isEqualTo(1);
            assertThat(filtered.requests()).isEmpty();

            // a rotated secret signs the next delivery; the old one no longer matches
            String rotated = admin.post("/api/v1/notifications/webhooks/" + webhookId + "/secret", null).json()
                .get("secret").asString();
            assertThat(rotated).isNotEqualTo(secret).startsWith("whsec_");
            notify(Notice.of(f.organizationId, Set.of(), "test.plain", "test.notice.plain", "/"));
            await().atMost(WAIT).until(() -> all.requests().size() == 2);
            WebhookReceiver.Request second = all.requests().get(1);
            String ts2 = second.header("X-Govshare-Timestamp");
            assertThat(second.header("X-Govshare-Signature")).isEqualTo(expectedSignature(rotated, ts2, second.body()))
                .isNotEqualTo(expectedSignature(secret, ts2, second.body()));
        }
    }

    @Test
    void aFailedDeliveryIsRetriedUntilDeliveredOrFailedAndCanBeRedelivered() {
        NotificationFixtures f = new NotificationFixtures(port);
        HttpApi admin = f.as(f.person("admin", null, "ORG_ADMIN"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.thenAnswer(500);
            String webhookId = register(admin, receiver.url()).get("webhook").get("id").asString();

            // 500, then 200 on the retry
            UUID retried = notify(Notice.of(f.organizationId, Set.of(), "test.retry", "test.notice.plain", "/"));
            await().atMost(WAIT).until(() -> delivery(admin, webhookId, retried).get("attempts").asInt() == 1);
            JsonNode first = delivery(admin, webhookId, retried);
            assertThat(first.get("status").asString()).isEqualTo("PENDING");
            assertThat(first.get("lastStatus").asInt()).isEqualTo(500);
            assertThat(first.get("lastError").asString()).startsWith("http-500");
            assertThat(first.get("nextAttemptAt").isNull()).isFalse();
            makeDue(retried);
            await().atMost(WAIT).until(() -> "DELIVERED".equals(delivery(admin, webhookId, retried).get("status")
                .asString()));
            assertThat(delivery(admin, webhookId, retried).get("attempts").asInt()).isEqualTo(2);
            assertThat(receiver.requests()).hasSize(2);
            // the same delivery id both times, for the receiver's idempotency
            assertThat(receiver.requests().get(0).header("X-Govshare-Delivery"))
                .isEqualTo(receiver.requests().get(1).header("X-Govshare-Delivery"));

            // failing three times (the configured attempts) is final
            receiver.alwaysAnswer(503);
            UUID failing = notify(Notice.of(f.organizationId, Set.of(), "test.retry", "test.notice.plain", "/"));
            for (int attempt = 1; attempt <= 3; attempt++) {
                int expected = attempt;
                await().atMost(WAIT).until(() -> delivery(admin, webhookId, failing).get("attempts").asInt() == expected);
                makeDue(failing);
            }
            JsonNode failed = delivery(admin, webhookId, failing);
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("lastStatus").asInt()).isEqualTo(503);
            assertThat(failed.get("nextAttemptAt").isNull()).isTrue();
            Response failedOnly = admin.get("/api/v1/notifications/webhooks/" + webhookId + "/deliveries?status=FAILED");
            assertThat(failedOnly.json().get("items").findValuesAsString("noticeId")).containsExactly(failing.toString());
            assertThat(admin.get("/api/v1/notifications/webhooks/" + webhookId).json().get("failed").asLong())
                .isEqualTo(1);

            // redelivered by hand once the receiver works again
            receiver.alwaysAnswer(204);
            Response again = admin.post("/api/v1/notifications/webhooks/" + webhookId + "/deliveries/"
                + failed.get("id").asString() + "/redeliver", null);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("status").asString()).isEqualTo("PENDING");
            await().atMost(WAIT).until(() -> "DELIVERED".equals(delivery(admin, webhookId, failing).get("status")
                .asString()));
            assertThat(delivery(admin, webhookId, failing).get("lastStatus").asInt()).isEqualTo(204);
        }
    }

    @Test
    void aDisabledEndpointGetsNothingUntilEnabledAgain() {
        NotificationFixtures f = new NotificationFixtures(port);
        HttpApi admin = f.as(f.person("admin", null, "ORG_ADMIN"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String webhookId = register(admin, receiver.url()).get("webhook").get("id").asString();
            Response off = admin.post("/api/v1/notifications/webhooks/" + webhookId + "/disable", null);
            assertThat(off.json().get("enabled").asBoolean()).isFalse();
            UUID whileOff = notify(Notice.of(f.organizationId, Set.of(), "test.plain", "test.notice.plain", "/"));
            assertThat(delivery(admin, webhookId, whileOff)).isNull();

            admin.post("/api/v1/notifications/webhooks/" + webhookId + "/enable", null);
            UUID whileOn = notify(Notice.of(f.organizationId, Set.of(), "test.plain", "test.notice.plain", "/"));
            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            assertThat(JSON.readTree(receiver.requests().get(0).body()).get("id").asString())
                .isEqualTo(whileOn.toString());

            Response deleted = admin.delete("/api/v1/notifications/webhooks/" + webhookId);
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(admin.get("/api/v1/notifications/webhooks/" + webhookId).status()).isEqualTo(404);
            assertThat(jdbc.sql("select count(*) from notification_delivery where webhook_id = ?::uuid")
                .param(webhookId).query(Long.class).single()).isZero();
        }
    }

    @Test
    void endpointUrlsMustBeHttpsWithoutCredentials() {
        NotificationFixtures f = new NotificationFixtures(port);
        HttpApi admin = f.as(f.person("admin", null, "ORG_ADMIN"));
        Response ftp = admin.post("/api/v1/notifications/webhooks", "{\"url\":\"ftp://files.example.org/in\"}");
        assertThat(ftp.status()).isEqualTo(422);
        assertThat(ftp.text("code")).isEqualTo("webhook-url-scheme");
        assertThat(ftp.text("field")).isEqualTo("url");
        Response creds = admin.post("/api/v1/notifications/webhooks",
            "{\"url\":\"https://user:secret@hooks.example.org/in\"}");
        assertThat(creds.status()).isEqualTo(422);
        assertThat(creds.text("code")).isEqualTo("webhook-url-credentials");
        Response relative = admin.post("/api/v1/notifications/webhooks", "{\"url\":\"/just/a/path\"}");
        assertThat(relative.status()).isEqualTo(422);
        assertThat(relative.text("code")).isEqualTo("webhook-url-invalid");
        Response missing = admin.post("/api/v1/notifications/webhooks", "{\"description\":\"x\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text("field")).isEqualTo("url");
        Response kinds = admin.post("/api/v1/notifications/webhooks",
            "{\"url\":\"https://hooks.example.org/in\",\"kinds\":[\"Not A Kind\"]}");
        assertThat(kinds.status()).isEqualTo(422);
        assertThat(kinds.text("code")).isEqualTo("validation-failed");
        assertThat(kinds.text("field")).isEqualTo("kinds");
        assertThat(admin.get("/api/v1/notifications/webhooks").json()).isEmpty();
    }

    @Test
    void onlyTheOrganizationsAdministratorAndPlatformAdministratorsManageItsEndpoints() {
        NotificationFixtures f = new NotificationFixtures(port);
        HttpApi admin = f.as(f.person("admin", null, "ORG_ADMIN"));
        HttpApi steward = f.as(f.person("steward", null, "DATA_STEWARD"));
        HttpApi otherAdmin = HttpApi.as(port, "rsj_admin");
        String id = register(admin, "https://hooks.example.org/govshare").get("webhook").get("id").asString();
        String base = "/api/v1/notifications/webhooks/" + id;

        for (HttpApi intruder : List.of(otherAdmin, steward)) {
            assertThat(intruder.get(base).status()).isEqualTo(403);
            assertThat(intruder.get(base + "/deliveries").status()).isEqualTo(403);
            assertThat(intruder.post(base + "/disable", null).status()).isEqualTo(403);
            assertThat(intruder.post(base + "/secret", null).status()).isEqualTo(403);
            assertThat(intruder.delete(base).status()).isEqualTo(403);
            assertThat(intruder.get("/api/v1/notifications/webhooks?organizationId=" + f.organizationId).status())
                .isEqualTo(403);
            Response into = intruder.post("/api/v1/notifications/webhooks?organizationId=" + f.organizationId,
                "{\"url\":\"https://evil.example.org/\"}");
            assertThat(into.status()).isEqualTo(403);
            assertThat(into.text("code")).isEqualTo("forbidden");
        }
        assertThat(steward.get("/api/v1/notifications/webhooks").status()).isEqualTo(403);
        // the refusals changed nothing and are in the audit log
        assertThat(admin.get(base).json().get("enabled").asBoolean()).isTrue();
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from audit_entry where action = "
            + "'security.access.denied' and target_id like ?").param("%" + id + "%").query(Long.class).single() == 10);

        HttpApi platform = HttpApi.as(port, "admin");
        assertThat(platform.get("/api/v1/notifications/webhooks?organizationId=" + f.organizationId).json()
            .findValuesAsString("id")).containsExactly(id);
        assertThat(platform.post(base + "/disable", null).json().get("enabled").asBoolean()).isFalse();
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from audit_entry where action = "
            + "'notification.webhook.disabled' and target_id = ?").param(id).query(Long.class).single() == 1);
    }
}
